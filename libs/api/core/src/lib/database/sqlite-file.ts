import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner read and write only: the database holds every organization's data and sealed secrets. */
const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates the SQLite file, private to its owner, before SQLite opens it. SQLite would create it
 * 0644 (minus the umask), readable by every local user, and it gives the `-wal` and `-shm` files
 * it creates beside the database the database file's own mode: a private database file makes them
 * private too. A file created by an earlier version, and its `-wal`/`-shm`, are made private.
 */
export function preparePrivateSqliteFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) {
      chmodSync(file, PRIVATE_FILE_MODE);
    }
  }
}
