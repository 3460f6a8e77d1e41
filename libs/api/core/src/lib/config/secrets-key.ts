import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The 32-byte key that encrypts secrets at rest. `id` names it in ciphertexts so keys can rotate. */
export interface SecretsKey {
  id: string;
  key: Buffer;
}

export const LOCAL_SECRETS_KEY_FILE = 'secrets.key';

/** Parses a base64 (or 64-digit hex) 32-byte key; returns a reason when it is not one. */
export function parseSecretsKey(text: string): SecretsKey | string {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    return 'must be 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)';
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * Development convenience: a key generated on first run into the data folder (mode 0600) and
 * reused afterwards. Production must pass SECRETS_KEY explicitly, so this is never reached there.
 */
export function loadOrCreateLocalSecretsKey(dataDir: string): SecretsKey | string {
  const file = join(dataDir, LOCAL_SECRETS_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const parsed = parseSecretsKey(readFileSync(file, 'utf8'));
  return typeof parsed === 'string' ? `${file} ${parsed}` : parsed;
}
