import { FileProbe, locateExecutable, locatePostgresBinDir } from './binary-discovery';

/** A fake file system: executables by path, directories by listing, symbolic links by target. */
function fakeProbe(files: {
  executables?: string[];
  directories?: Record<string, string[]>;
  links?: Record<string, string>;
}): FileProbe {
  const executables = new Set(files.executables ?? []);
  return {
    isExecutable: (path) => executables.has(path),
    listDirectory: (path) => files.directories?.[path] ?? [],
    realPath: (path) => files.links?.[path] ?? path,
  };
}

const postgresIn = (dir: string): string[] => [`${dir}/initdb`, `${dir}/postgres`];

describe('locatePostgresBinDir', () => {
  it('uses PG_BIN_DIR when it holds initdb and postgres', () => {
    const probe = fakeProbe({ executables: postgresIn('/opt/pg/bin') });
    expect(locatePostgresBinDir({ PG_BIN_DIR: '/opt/pg/bin' }, probe)).toEqual({
      found: true,
      path: '/opt/pg/bin',
    });
  });

  it('reports a PG_BIN_DIR without the programs instead of falling back', () => {
    const probe = fakeProbe({
      executables: postgresIn('/usr/lib/postgresql/16/bin'),
      directories: { '/usr/lib/postgresql': ['16'] },
    });
    expect(locatePostgresBinDir({ PG_BIN_DIR: '/nowhere' }, probe)).toEqual({
      found: false,
      searched: ['PG_BIN_DIR=/nowhere'],
    });
  });

  it('picks the highest installed Debian version by number, not by text', () => {
    const probe = fakeProbe({
      executables: [
        ...postgresIn('/usr/lib/postgresql/9.6/bin'),
        ...postgresIn('/usr/lib/postgresql/15/bin'),
        ...postgresIn('/usr/lib/postgresql/16/bin'),
      ],
      directories: { '/usr/lib/postgresql': ['9.6', '16', '15', 'README'] },
    });
    expect(locatePostgresBinDir({}, probe)).toEqual({ found: true, path: '/usr/lib/postgresql/16/bin' });
  });

  it('skips a version directory that lacks the server programs (client-only package)', () => {
    const probe = fakeProbe({
      executables: ['/usr/lib/postgresql/17/bin/initdb', ...postgresIn('/usr/lib/postgresql/15/bin')],
      directories: { '/usr/lib/postgresql': ['17', '15'] },
    });
    expect(locatePostgresBinDir({}, probe)).toEqual({ found: true, path: '/usr/lib/postgresql/15/bin' });
  });

  it('falls back to initdb on PATH, following its symbolic link to the installation', () => {
    const probe = fakeProbe({
      executables: ['/usr/local/bin/initdb', ...postgresIn('/opt/postgres/bin')],
      links: { '/usr/local/bin/initdb': '/opt/postgres/bin/initdb' },
    });
    expect(locatePostgresBinDir({ PATH: '/usr/bin:/usr/local/bin' }, probe)).toEqual({
      found: true,
      path: '/opt/postgres/bin',
    });
  });

  it('says where it looked when PostgreSQL is not installed', () => {
    expect(locatePostgresBinDir({ PATH: '/usr/bin' }, fakeProbe({}))).toEqual({
      found: false,
      searched: ['/usr/lib/postgresql/<version>/bin', 'PATH'],
    });
  });
});

describe('locateExecutable', () => {
  it('prefers the first PATH entry that has the program', () => {
    const probe = fakeProbe({ executables: ['/a/redis-server', '/b/redis-server'] });
    expect(locateExecutable('redis-server', { PATH: '/x:/a:/b' }, ['/usr/bin'], probe)).toEqual({
      found: true,
      path: '/a/redis-server',
    });
  });

  it('falls back to the given directories when PATH lacks it', () => {
    const probe = fakeProbe({ executables: ['/usr/bin/redis-server'] });
    expect(locateExecutable('redis-server', { PATH: '/x' }, ['/usr/bin'], probe)).toEqual({
      found: true,
      path: '/usr/bin/redis-server',
    });
  });

  it('reports the places searched when it is nowhere', () => {
    expect(locateExecutable('redis-server', {}, ['/usr/bin'], fakeProbe({}))).toEqual({
      found: false,
      searched: ['PATH', '/usr/bin'],
    });
  });
});
