import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CurrentUserView, UserView } from '@mailroute/shared/contracts';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/route-access.decorators';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<CurrentUserView> {
    return this.users.currentUser(principal);
  }

  @Get('users')
  list(@CurrentPrincipal() principal: Principal): Promise<UserView[]> {
    return this.users.list(principal.organizationId);
  }

  @Get('users/:id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UserView> {
    return this.users.get(principal.organizationId, id);
  }
}
