import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule, PasswordHasher, UsersModule } from '@mailroute/api/core';
import { Invitation } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/**
 * Inviting new users into an organization by email. Sends through MailerService (MailModule is
 * global); compose with `invitationsSchema` in the app's schema.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Invitation]), OrganizationsModule, UsersModule],
  controllers: [InvitationsController],
  // PasswordHasher is stateless and its module is not exported by core: one instance of our own.
  providers: [InvitationsService, InvitationsRepository, PasswordHasher],
})
export class InvitationsModule {}
