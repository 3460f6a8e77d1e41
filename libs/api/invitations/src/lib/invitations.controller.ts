import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  AcceptedInvitation,
  InvitationPreview,
  InvitationView,
  Page,
} from '@mailroute/shared/contracts';
import { AdminOnly, CurrentPrincipal, PageQuery, type Principal, Public } from '@mailroute/api/core';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { InvitationIdParams } from './dto/invitation-params';
import { InvitationsService } from './invitations.service';

/**
 * Inviting users. Sending, listing, resending and revoking are for the organization's admins
 * only, since an invitation grants an account (possibly an admin one). Looking at and accepting
 * an invitation are public: the link's token is the credential, and names the organization.
 */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @AdminOnly()
  @ApiBearerAuth()
  @ApiForbiddenResponse({ description: 'Only the organization’s admins invite users.' })
  @ApiCreatedResponse({ description: 'The invitation is stored and its email queued, together.' })
  @ApiConflictResponse({
    description: '`email_already_registered` or `invitation_already_pending` (resend it instead).',
  })
  invite(
    @CurrentPrincipal() principal: Principal,
    @Body() input: CreateInvitationDto,
  ): Promise<InvitationView> {
    return this.invitations.invite(principal, input);
  }

  @Get()
  @AdminOnly()
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'A page of the invitations neither accepted nor revoked (pending or expired), newest first, each with where its latest email stands.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<InvitationView>> {
    return this.invitations.listOpen(principal.organizationId, query);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @AdminOnly()
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'A new link is emailed, valid 7 days; the previous link stops working.' })
  @ApiConflictResponse({ description: '`invitation_already_accepted` or `invitation_revoked`.' })
  resend(
    @CurrentPrincipal() principal: Principal,
    @Param() params: InvitationIdParams,
  ): Promise<InvitationView> {
    return this.invitations.resend(principal, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminOnly()
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Revoked: its link no longer works.' })
  @ApiConflictResponse({ description: '`invitation_already_accepted` or `invitation_revoked`.' })
  revoke(@CurrentPrincipal() principal: Principal, @Param() params: InvitationIdParams): Promise<void> {
    return this.invitations.revoke(principal, params.id);
  }

  @Get(':token')
  @Public()
  @ApiOkResponse({ description: 'Who is invited, where, until when: for the acceptance page.' })
  @ApiNotFoundResponse({ description: '`invitation_not_found`: unknown token, or replaced by a resend.' })
  @ApiConflictResponse({
    description: '`invitation_already_accepted`, `invitation_revoked` or `invitation_expired`.',
  })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Post(':token/accept')
  @Public()
  @ApiCreatedResponse({ description: 'The account is created in the inviting organization: sign in.' })
  @ApiNotFoundResponse({ description: '`invitation_not_found`: unknown token, or replaced by a resend.' })
  @ApiConflictResponse({
    description:
      '`invitation_already_accepted`, `invitation_revoked`, `invitation_expired` or `email_already_registered`.',
  })
  accept(@Param('token') token: string, @Body() input: AcceptInvitationDto): Promise<AcceptedInvitation> {
    return this.invitations.accept(token, input);
  }
}
