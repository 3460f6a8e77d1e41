import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@mailroute/shared/contracts';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
}

/** Signs and checks the bearer tokens; the key is derived from SECRETS_KEY (see auth.module). */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
      return typeof claims.sub === 'string' &&
        typeof claims.org === 'string' &&
        typeof claims.role === 'string'
        ? { sub: claims.sub, org: claims.org, role: claims.role }
        : null;
    } catch {
      return null;
    }
  }
}
