import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { trustedOrganizationId } from '../tenancy/organization-id';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenService } from './access-token.service';
import { AdminOnlyError, UnauthenticatedError } from './auth-errors';
import type { RequestWithPrincipal } from './principal';
import { ADMIN_ONLY_ROUTE, PUBLIC_ROUTE } from './route-access.decorators';

/**
 * Global guard: every route needs a valid bearer token of an existing user, unless `@Public()`.
 * The user is re-read on each request so a removed user or a changed role takes effect at once.
 * `@AdminOnly()` routes also need the admin role.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = token ? await this.tokens.verify(token) : null;
    const user = claims ? await this.users.findById(trustedOrganizationId(claims.org), claims.sub) : null;
    if (!user) {
      throw new UnauthenticatedError();
    }
    request.principal = {
      userId: user.id,
      organizationId: trustedOrganizationId(user.organizationId),
      role: user.role,
      email: user.email,
    };
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY_ROUTE, targets) && user.role !== 'admin') {
      throw new AdminOnlyError();
    }
    return true;
  }
}
