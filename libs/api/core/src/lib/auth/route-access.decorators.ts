import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, RequestWithPrincipal } from './principal';

export const PUBLIC_ROUTE = 'mailroute:public-route';
export const ADMIN_ONLY_ROUTE = 'mailroute:admin-only-route';

/** Every route needs a signed-in user unless it is marked public. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only the organization's admins may call it; members get 403. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY_ROUTE, true);

/** The authenticated principal of the request (present on every non-public route). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (principal === undefined) {
      throw new Error('CurrentPrincipal used on a route without authentication');
    }
    return principal;
  },
);
