import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@mailroute/shared/contracts';
import { AppConfig } from '../config/app-config';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenService } from './access-token.service';
import { InvalidCredentialsError } from './auth-errors';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findForSignIn(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyAgainstNothing(password);
    if (!user || !valid) {
      throw new InvalidCredentialsError();
    }
    const accessToken = await this.tokens.sign({ sub: user.id, org: user.organizationId, role: user.role });
    return { accessToken, expiresIn: this.config.auth.tokenTtlSeconds };
  }
}
