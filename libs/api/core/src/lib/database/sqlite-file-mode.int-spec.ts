import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedOrganization, startTestApi } from '../../testing';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the SQLite file', () => {
  it('is created private to its owner, with its -wal and -shm files', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mailroute-sqlite-mode-')), 'data', 'mailroute.sqlite');
    const api = await startTestApi({ env: { DATABASE_URL: `sqlite:${path}` } });
    try {
      // A write, so the write-ahead log and its index exist.
      await seedOrganization(api.app, 'acme');
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect({ file, mode: modeOf(file).toString(8) }).toEqual({ file, mode: '600' });
      }
    } finally {
      await api.close();
    }
  });

  it('becomes private when an earlier version left it readable by others', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mailroute-sqlite-mode-')), 'mailroute.sqlite');
    writeFileSync(path, '', { mode: 0o644 });
    const api = await startTestApi({ env: { DATABASE_URL: `sqlite:${path}` } });
    try {
      expect(modeOf(path).toString(8)).toBe('600');
    } finally {
      await api.close();
    }
  });
});
