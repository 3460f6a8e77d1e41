import { Injectable } from '@nestjs/common';
import { hash, verify, argon2id } from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { type: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so response times do not reveal unknown emails. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('mailroute-timing-equaliser');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
