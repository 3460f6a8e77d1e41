import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A sender's lease owner id: host, process and a random part, unique per process start. */
export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
