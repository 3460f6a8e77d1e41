import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, type SecretsKey } from '@mailroute/api/core';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The sealed secret cannot be opened: unknown key, tampered, or sealed for another context. */
export class SecretUnreadableError extends Error {
  constructor(readonly reason: 'malformed' | 'unknown_key' | 'tampered') {
    super(`The stored secret cannot be decrypted (${reason})`);
    this.name = 'SecretUnreadableError';
  }
}

/**
 * AES-256-GCM under SECRETS_KEY. A sealed secret reads `v1.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64url): the key id lets a rotated-out key (SECRETS_KEY_PREVIOUS) still open it until the
 * rotation command re-seals it. The context (e.g. the organization's id) is authenticated data,
 * so a ciphertext copied to another organization's row does not decrypt.
 */
@Injectable()
export class SecretBox {
  private readonly current: SecretsKey;
  private readonly keys: ReadonlyMap<string, SecretsKey>;

  constructor(config: AppConfig) {
    this.current = config.secretsKey;
    this.keys = new Map(
      [...config.previousSecretsKeys, config.secretsKey].map((secretsKey) => [secretsKey.id, secretsKey]),
    );
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.current.id, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const [format, keyId, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined || rest.length > 0) {
      throw new SecretUnreadableError('malformed');
    }
    const secretsKey = this.keys.get(keyId);
    if (!secretsKey) {
      throw new SecretUnreadableError('unknown_key');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', secretsKey.key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretUnreadableError('tampered');
    }
  }

  /** True when the secret was sealed under an earlier key and should be sealed again. */
  needsResealing(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current.id;
  }
}
