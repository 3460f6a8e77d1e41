import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CurrentUserView,
  LAST_ADMIN_ERROR_CODE,
  type Page,
  type UserView,
} from '@mailroute/shared/contracts';
import type { Principal } from '../auth/principal';
import { AdminOnly, CurrentPrincipal } from '../auth/route-access.decorators';
import { PageQuery } from '../http/pagination/page-query.dto';
import { UpdateMemberDto } from './dto/update-member.dto';
import { UserIdParams } from './dto/user-id.params';
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

  /** The organization's members, newest first. */
  @Get('users')
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<UserView>> {
    return this.users.list(principal.organizationId, query);
  }

  @Get('users/:id')
  @ApiNotFoundResponse({ description: 'No such user in your organization.' })
  get(@CurrentPrincipal() principal: Principal, @Param() params: UserIdParams): Promise<UserView> {
    return this.users.get(principal.organizationId, params.id);
  }

  @Patch('users/:id')
  @AdminOnly()
  @ApiForbiddenResponse({ description: 'Only the organization’s admins change roles.' })
  @ApiBadRequestResponse({ description: 'A malformed id or an unknown role (`errors` names the field).' })
  @ApiNotFoundResponse({ description: 'No such user in your organization.' })
  @ApiConflictResponse({
    description: `\`${LAST_ADMIN_ERROR_CODE}\`: the organization’s only admin stays one.`,
  })
  changeRole(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserIdParams,
    @Body() input: UpdateMemberDto,
  ): Promise<UserView> {
    return this.users.changeRole(principal, params.id, input.role);
  }

  @Delete('users/:id')
  @HttpCode(204)
  @AdminOnly()
  @ApiNoContentResponse({ description: 'Removed: their access tokens stop working at once.' })
  @ApiForbiddenResponse({ description: 'Only the organization’s admins remove users.' })
  @ApiNotFoundResponse({ description: 'No such user in your organization.' })
  @ApiConflictResponse({
    description: `\`${LAST_ADMIN_ERROR_CODE}\`: the organization’s only admin cannot be removed.`,
  })
  remove(@CurrentPrincipal() principal: Principal, @Param() params: UserIdParams): Promise<void> {
    return this.users.remove(principal, params.id);
  }
}
