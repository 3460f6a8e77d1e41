import { hkdfSync } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { loginThrottleOptions } from './login-throttle';
import { PasswordHasher } from './password-hasher';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key of its own, derived from SECRETS_KEY, so a token key never doubles as an encryption key.
        secret: Buffer.from(
          hkdfSync('sha256', config.secretsKey.key, Buffer.alloc(0), 'mailroute/access-token', 32),
        ),
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.tokenTtlSeconds, issuer: 'mailroute' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'mailroute' },
      }),
    }),
    ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: loginThrottleOptions }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccessTokenService,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
