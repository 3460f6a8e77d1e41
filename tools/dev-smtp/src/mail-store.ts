import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReceivedMessage } from '@mailroute/testing';

/**
 * A file name that sorts by arrival: UTC time to the millisecond, then a counter for messages of
 * the same millisecond. No colons, so the names also work on Windows file systems.
 */
export function emlFileName(receivedAt: Date, sequence: number): string {
  const stamp = receivedAt.toISOString().replace(/:/g, '-');
  return `${stamp}-${String(sequence).padStart(6, '0')}.eml`;
}

/** Saves each caught message as an .eml file that any mail client opens. */
export class MailStore {
  private sequence = 0;

  constructor(private readonly directory: string) {}

  /** Writes the raw message and returns the file's path. Never overwrites a file. */
  async save(message: ReceivedMessage): Promise<string> {
    await mkdir(this.directory, { recursive: true });
    this.sequence += 1;
    const file = join(this.directory, emlFileName(message.receivedAt, this.sequence));
    await writeFile(file, message.raw, { flag: 'wx' });
    return file;
  }
}
