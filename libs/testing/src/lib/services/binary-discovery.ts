import { accessSync, constants, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** The file system questions binary discovery asks; swapped for a fake in unit tests. */
export interface FileProbe {
  isExecutable(path: string): boolean;
  /** Entry names of a directory, or [] when it does not exist. */
  listDirectory(path: string): string[];
  /** The path with symbolic links resolved. */
  realPath(path: string): string;
}

export const nodeFileProbe: FileProbe = {
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  listDirectory(path) {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  },
  realPath: (path) => realpathSync(path),
};

/** Where a service's programs were found, or where they were looked for. */
export type BinaryLocation = { found: true; path: string } | { found: false; searched: string[] };

/** The PostgreSQL server programs a throwaway cluster needs, all from one installation. */
export const POSTGRES_PROGRAMS = ['initdb', 'postgres'] as const;

const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/**
 * Finds the directory holding `initdb` and `postgres`: `PG_BIN_DIR` when set (and nothing else,
 * so a wrong setting is reported instead of silently replaced), else the highest version under
 * /usr/lib/postgresql/<version>/bin (Debian's layout, several versions may be installed), else
 * `initdb` on PATH, symbolic links resolved so `postgres` is taken from the same installation.
 */
export function locatePostgresBinDir(
  env: { PG_BIN_DIR?: string; PATH?: string },
  probe: FileProbe = nodeFileProbe,
): BinaryLocation {
  const hasPrograms = (dir: string): boolean =>
    POSTGRES_PROGRAMS.every((program) => probe.isExecutable(join(dir, program)));
  if (env.PG_BIN_DIR) {
    return hasPrograms(env.PG_BIN_DIR)
      ? { found: true, path: env.PG_BIN_DIR }
      : { found: false, searched: [`PG_BIN_DIR=${env.PG_BIN_DIR}`] };
  }
  const versions = probe
    .listDirectory(DEBIAN_POSTGRES_ROOT)
    .filter((name) => /^\d+(\.\d+)*$/.test(name))
    .sort(compareVersionsDescending);
  for (const version of versions) {
    const dir = join(DEBIAN_POSTGRES_ROOT, version, 'bin');
    if (hasPrograms(dir)) {
      return { found: true, path: dir };
    }
  }
  const initdb = locateOnPath('initdb', env.PATH, probe);
  if (initdb) {
    const dir = dirname(probe.realPath(initdb));
    if (hasPrograms(dir)) {
      return { found: true, path: dir };
    }
  }
  return { found: false, searched: [join(DEBIAN_POSTGRES_ROOT, '<version>', 'bin'), 'PATH'] };
}

/** Finds a program on PATH, then in the given fallback directories. */
export function locateExecutable(
  program: string,
  env: { PATH?: string },
  fallbackDirs: string[] = [],
  probe: FileProbe = nodeFileProbe,
): BinaryLocation {
  const onPath = locateOnPath(program, env.PATH, probe);
  if (onPath) {
    return { found: true, path: onPath };
  }
  const fallback = fallbackDirs.map((dir) => join(dir, program)).find((path) => probe.isExecutable(path));
  return fallback ? { found: true, path: fallback } : { found: false, searched: ['PATH', ...fallbackDirs] };
}

function locateOnPath(program: string, path: string | undefined, probe: FileProbe): string | undefined {
  return (path ?? '')
    .split(delimiter)
    .filter((dir) => dir.length > 0)
    .map((dir) => join(dir, program))
    .find((candidate) => probe.isExecutable(candidate));
}

function compareVersionsDescending(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (right[i] ?? 0) - (left[i] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

/** Finds `redis-server` on PATH, else where Debian and source installs put it. */
export function locateRedisServer(env: { PATH?: string }, probe: FileProbe = nodeFileProbe): BinaryLocation {
  return locateExecutable('redis-server', env, ['/usr/bin', '/usr/local/bin'], probe);
}
