import { readFileSync } from 'node:fs';

/** An account to run a server process as. */
export interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
}

/** Accounts tried, in order, when a server refuses to run as root (PostgreSQL does). */
export const UNPRIVILEGED_ACCOUNTS = ['postgres', 'nobody'] as const;

/** Finds the first of `names` in passwd(5) content. */
export function findAccount(passwd: string, names: readonly string[]): ServiceUser | undefined {
  const accounts = new Map<string, ServiceUser>();
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name && /^\d+$/.test(uid ?? '') && /^\d+$/.test(gid ?? '')) {
      accounts.set(name, { name, uid: Number(uid), gid: Number(gid) });
    }
  }
  return names.map((name) => accounts.get(name)).find((account) => account !== undefined);
}

/**
 * The account to run a server as: undefined when this process is not root (the server runs as
 * the current user), else `postgres` or `nobody`. Throws when root has neither.
 */
export function unprivilegedUser(): ServiceUser | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  const account = findAccount(readFileSync('/etc/passwd', 'utf8'), UNPRIVILEGED_ACCOUNTS);
  if (!account) {
    throw new Error(
      `Running as root, and none of the accounts ${UNPRIVILEGED_ACCOUNTS.join(', ')} exists to run the server as`,
    );
  }
  return account;
}
