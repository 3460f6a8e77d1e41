import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import type { OrganizationId, PageWindow } from '@mailroute/api/core';
import { Invitation } from './invitation.entity';

/** Invitations, always within one organization, except the lookup by token that reveals it. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectRepository(Invitation) private readonly invitations: Repository<Invitation>) {}

  findById(organizationId: OrganizationId, id: string, manager?: EntityManager): Promise<Invitation | null> {
    return this.repository(manager).findOneBy({ organizationId, id });
  }

  /** The one lookup without a tenant: the link's holder is not signed in, the token names the organization. */
  findByTokenHash(tokenHash: string, manager?: EntityManager): Promise<Invitation | null> {
    return this.repository(manager).findOneBy({ tokenHash });
  }

  /**
   * One page of the invitations neither accepted nor revoked, expired or not (what an admin can
   * still resend or revoke), newest first, and how many there are in all.
   */
  async pageOpen(
    organizationId: OrganizationId,
    window: PageWindow,
  ): Promise<{ items: Invitation[]; total: number }> {
    const [items, total] = await this.invitations.findAndCount({
      where: { organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
  }

  findOpenForEmail(
    organizationId: OrganizationId,
    email: string,
    manager: EntityManager,
  ): Promise<Invitation | null> {
    return this.repository(manager).findOneBy({
      organizationId,
      email,
      acceptedAt: IsNull(),
      revokedAt: IsNull(),
    });
  }

  async insert(invitation: Invitation, manager: EntityManager): Promise<void> {
    await manager.getRepository(Invitation).insert(invitation);
  }

  /** Only while still open, so a concurrent accept, revoke or resend is not overwritten. */
  async updateOpen(
    organizationId: OrganizationId,
    id: string,
    changes: Partial<Pick<Invitation, 'tokenHash' | 'expiresAt' | 'sentAt' | 'revokedAt' | 'emailId'>>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Invitation)
      .update({ organizationId, id, acceptedAt: IsNull(), revokedAt: IsNull() }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** Marks the invitation accepted only if it still is open: of two concurrent accepts, one wins. */
  async markAccepted(
    organizationId: OrganizationId,
    id: string,
    tokenHash: string,
    acceptance: { userId: string; at: Date },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Invitation)
      .update(
        { organizationId, id, tokenHash, acceptedAt: IsNull(), revokedAt: IsNull() },
        { acceptedAt: acceptance.at, acceptedUserId: acceptance.userId },
      );
    return (result.affected ?? 0) > 0;
  }

  private repository(manager?: EntityManager): Repository<Invitation> {
    return manager?.getRepository(Invitation) ?? this.invitations;
  }
}
