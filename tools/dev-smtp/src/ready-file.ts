import { rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Contents of `<data-dir>/ready.json`, present exactly while the catcher accepts mail. */
export interface ReadyInfo {
  host: string;
  tlsPort: number;
  starttlsPort: number;
  user: string;
  password: string;
  caFile: string;
  pid: number;
}

export function readyFilePath(dataDir: string): string {
  return join(dataDir, 'ready.json');
}

/** Written whole or not at all (rename), so a launcher polling for it never reads half a file. */
export async function writeReadyFile(dataDir: string, info: ReadyInfo): Promise<void> {
  const file = readyFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

export async function removeReadyFile(dataDir: string): Promise<void> {
  await rm(readyFilePath(dataDir), { force: true });
}

/**
 * For process 'exit' handlers, which cannot wait for promises. A data folder that cannot be
 * read (the error that ended the process may be about it) leaves nothing to remove.
 */
export function removeReadyFileSync(dataDir: string): void {
  try {
    rmSync(readyFilePath(dataDir), { force: true });
  } catch {
    // Nothing was written there.
  }
}

/**
 * What the catcher sends its launcher over IPC (when started with `fork`) once it accepts mail:
 * the launcher waits on this instead of polling for ready.json.
 */
export interface DevSmtpReadyMessage {
  type: 'dev-smtp-ready';
  ready: ReadyInfo;
}
