import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AcceptedInvitation,
  type InvitationPreview,
  type InvitationView,
  type Page,
  webPagePath,
} from '@mailroute/shared/contracts';
import {
  AppConfig,
  hashLinkToken,
  issueLinkToken,
  newId,
  type OrganizationId,
  OrganizationsRepository,
  type PageQuery,
  pageWindow,
  PasswordHasher,
  type Principal,
  toPage,
  trustedOrganizationId,
  UsersRepository,
} from '@mailroute/api/core';
import { EmailStatuses, MailerService } from '@mailroute/api/mail';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { CreateInvitationDto } from './dto/create-invitation.dto';
import { Invitation } from './invitation.entity';
import { invitationStatus, toInvitationView } from './invitation-view';
import {
  EmailAlreadyRegisteredError,
  InvitationAlreadyAcceptedError,
  InvitationAlreadyPendingError,
  InvitationExpiredError,
  InvitationNotFoundError,
  InvitationRevokedError,
} from './invitations-errors';
import { InvitationsRepository } from './invitations.repository';
import { userInvitationTemplate } from './templates/user-invitation.template';

export const INVITATION_VALID_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Inviting people into an organization. Every change that sends an email does so in its own
 * transaction, through MailerService with the transaction's EntityManager: the invitation and
 * its email are stored together or not at all.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('InvitationsService');

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: MailerService,
    private readonly emailStatuses: EmailStatuses,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async invite(principal: Principal, input: CreateInvitationDto): Promise<InvitationView> {
    const { organizationId } = principal;
    const email = input.email.trim().toLowerCase();
    const inviterName = await this.users.displayNameOf(principal);
    const issued = issueLinkToken();
    const now = new Date();
    const invitation: Invitation = Object.assign(new Invitation(), {
      id: newId(),
      organizationId,
      email,
      role: input.role,
      locale: input.locale ?? null,
      tokenHash: issued.hash,
      expiresAt: expiryFrom(now),
      invitedById: principal.userId,
      createdAt: now,
      sentAt: now,
      acceptedAt: null,
      acceptedUserId: null,
      revokedAt: null,
      emailId: null,
    } satisfies Invitation);

    await this.dataSource.transaction(async (manager) => {
      if (await this.users.isEmailRegistered(email, manager)) {
        throw new EmailAlreadyRegisteredError();
      }
      const open = await this.invitations.findOpenForEmail(organizationId, email, manager);
      if (open && invitationStatus(open, now) === 'pending') {
        throw new InvitationAlreadyPendingError();
      }
      if (open) {
        // An expired invitation is replaced by the new one rather than left beside it.
        await this.invitations.updateOpen(organizationId, open.id, { revokedAt: now }, manager);
      }
      invitation.emailId = await this.sendInvitation(invitation, issued.token, inviterName, manager);
      await this.invitations.insert(invitation, manager);
    });
    this.logger.log(
      {
        organizationId,
        invitationId: invitation.id,
        invitedById: principal.userId,
        emailId: invitation.emailId,
      },
      'Invitation sent',
    );
    return this.view(invitation, now);
  }

  /** Pending and expired invitations (not accepted or revoked), newest first, each with its email's delivery. */
  async listOpen(organizationId: OrganizationId, query: PageQuery): Promise<Page<InvitationView>> {
    const now = new Date();
    const window = pageWindow(query);
    const { items, total } = await this.invitations.pageOpen(organizationId, window);
    const deliveries = await this.emailStatuses.of(
      organizationId,
      items.map((invitation) => invitation.emailId),
    );
    return toPage(
      items.map((invitation) => toInvitationView(invitation, now, deliveries)),
      total,
      window,
    );
  }

  /** A new link, valid for another full period; the previous link stops working. */
  async resend(principal: Principal, id: string): Promise<InvitationView> {
    const { organizationId } = principal;
    const inviterName = await this.users.displayNameOf(principal);
    const issued = issueLinkToken();
    const now = new Date();
    const invitation = await this.dataSource.transaction(async (manager) => {
      const current = await this.openInvitation(organizationId, id, manager);
      const renewed = { tokenHash: issued.hash, expiresAt: expiryFrom(now), sentAt: now };
      // Queued first so the row names its new email; a failed update rolls both back.
      const emailId = await this.sendInvitation(
        Object.assign(current, renewed),
        issued.token,
        inviterName,
        manager,
      );
      const changes = { ...renewed, emailId };
      if (!(await this.invitations.updateOpen(organizationId, id, changes, manager))) {
        throw await this.closedError(organizationId, id, manager);
      }
      return Object.assign(current, changes);
    });
    this.logger.log(
      { organizationId, invitationId: id, resentById: principal.userId, emailId: invitation.emailId },
      'Invitation resent',
    );
    return this.view(invitation, now);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const { organizationId } = principal;
    await this.dataSource.transaction(async (manager) => {
      await this.openInvitation(organizationId, id, manager);
      if (!(await this.invitations.updateOpen(organizationId, id, { revokedAt: new Date() }, manager))) {
        throw await this.closedError(organizationId, id, manager);
      }
    });
    this.logger.log(
      { organizationId, invitationId: id, revokedById: principal.userId },
      'Invitation revoked',
    );
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.usableByToken(token);
    const organizationId = trustedOrganizationId(invitation.organizationId);
    const organization = await this.organizations.findById(organizationId);
    if (!organization) {
      throw new InvitationNotFoundError();
    }
    const inviter =
      invitation.invitedById === null
        ? null
        : await this.users.findById(organizationId, invitation.invitedById);
    return {
      email: invitation.email,
      role: invitation.role,
      organizationName: organization.name,
      locale: invitation.locale ?? organization.defaultLocale,
      expiresAt: invitation.expiresAt.toISOString(),
      // Named as in the invitation email, so the page and the email agree.
      invitedBy: inviter ? { name: inviter.name || inviter.email } : null,
    };
  }

  async accept(token: string, input: AcceptInvitationDto): Promise<AcceptedInvitation> {
    const invitation = await this.usableByToken(token);
    // The token proved which organization the new user joins.
    const organizationId = trustedOrganizationId(invitation.organizationId);
    const organization = await this.organizations.findById(organizationId);
    if (!organization) {
      throw new InvitationNotFoundError();
    }
    // Hashing is deliberately slow: done before the transaction, which then stays short.
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.dataSource.transaction(async (manager) => {
      if (await this.users.isEmailRegistered(invitation.email, manager)) {
        throw new EmailAlreadyRegisteredError();
      }
      const userId = newId();
      const accepted = await this.invitations.markAccepted(
        organizationId,
        invitation.id,
        invitation.tokenHash,
        { userId, at: new Date() },
        manager,
      );
      if (!accepted) {
        throw await this.closedError(organizationId, invitation.id, manager);
      }
      return this.users.insert(
        organizationId,
        {
          id: userId,
          email: invitation.email,
          name: input.name,
          passwordHash,
          role: invitation.role,
          locale: invitation.locale,
        },
        manager,
      );
    });
    this.logger.log(
      { organizationId, invitationId: invitation.id, userId: user.id },
      'Invitation accepted: user created',
    );
    return {
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      organization: { id: organization.id, name: organization.name },
    };
  }

  /** The view of an invitation just written, its email's delivery read after the commit. */
  private async view(invitation: Invitation, now: Date): Promise<InvitationView> {
    const organizationId = trustedOrganizationId(invitation.organizationId);
    return toInvitationView(
      invitation,
      now,
      await this.emailStatuses.of(organizationId, [invitation.emailId]),
    );
  }

  /** Queues the invitation email in the caller's transaction and answers its id (the outbox row's). */
  private sendInvitation(
    invitation: Invitation,
    token: string,
    inviterName: string,
    manager: EntityManager,
  ): Promise<string> {
    return this.mailer.send(
      {
        organizationId: trustedOrganizationId(invitation.organizationId),
        kind: 'user_invitation',
        to: invitation.email,
        template: userInvitationTemplate,
        data: {
          inviterName,
          isAdmin: invitation.role === 'admin',
          acceptUrl: `${this.config.publicUrl}${webPagePath('invitation', { token })}`,
          validDays: INVITATION_VALID_DAYS,
        },
        locale: invitation.locale,
      },
      manager,
    );
  }

  /** The invitation behind a link, if it can still be accepted; else the error that says why not. */
  private async usableByToken(token: string): Promise<Invitation> {
    const hash = hashLinkToken(token);
    const invitation = hash === null ? null : await this.invitations.findByTokenHash(hash);
    if (!invitation) {
      throw new InvitationNotFoundError();
    }
    const error = closedErrorOf(invitation, new Date());
    if (error) {
      throw error;
    }
    return invitation;
  }

  /** Resend and revoke work on pending and expired invitations, not on accepted or revoked ones. */
  private async openInvitation(
    organizationId: OrganizationId,
    id: string,
    manager: EntityManager,
  ): Promise<Invitation> {
    const invitation = await this.invitations.findById(organizationId, id, manager);
    if (!invitation) {
      throw new InvitationNotFoundError();
    }
    if (invitation.acceptedAt) {
      throw new InvitationAlreadyAcceptedError();
    }
    if (invitation.revokedAt) {
      throw new InvitationRevokedError();
    }
    return invitation;
  }

  /** Why a conditional update found the invitation no longer open (another request got there first). */
  private async closedError(
    organizationId: OrganizationId,
    id: string,
    manager: EntityManager,
  ): Promise<Error> {
    const current = await this.invitations.findById(organizationId, id, manager);
    return (current && closedErrorOf(current, new Date())) ?? new InvitationNotFoundError();
  }
}

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * DAY_MS);
}

function closedErrorOf(invitation: Invitation, now: Date): Error | null {
  switch (invitationStatus(invitation, now)) {
    case 'accepted':
      return new InvitationAlreadyAcceptedError();
    case 'revoked':
      return new InvitationRevokedError();
    case 'expired':
      return new InvitationExpiredError();
    case 'pending':
      return null;
  }
}
