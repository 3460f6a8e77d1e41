import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Role } from '@mailroute/shared/contracts';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../http/domain-error';
import type { PageWindow } from '../http/pagination/page-window';
import type { OrganizationId } from '../tenancy/organization-id';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * The one lookup without a tenant: signing in is how the tenant becomes known.
   * Emails are unique across the platform and stored lower-case.
   */
  findForSignIn(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /** Whether an account, in any organization, signs in with this email. */
  isEmailRegistered(email: string, manager?: EntityManager): Promise<boolean> {
    return this.repository(manager).existsBy({ email: email.trim().toLowerCase() });
  }

  findById(organizationId: OrganizationId, id: string, manager?: EntityManager): Promise<User | null> {
    return this.repository(manager).findOneBy({ organizationId, id });
  }

  /**
   * How the signed-in user is named in the emails they cause (an invitation, an audit's link):
   * their name, else their email. Not found only if they were removed since the guard read them.
   */
  async displayNameOf(principal: Principal): Promise<string> {
    const user = await this.findById(principal.organizationId, principal.userId);
    if (!user) {
      throw new NotFoundError('The signed-in user');
    }
    return user.name || user.email;
  }

  /** The organization's users among these ids, by id (another organization's ids are absent). */
  async findByIds(
    organizationId: OrganizationId,
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, User>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      return new Map();
    }
    const users = await this.repository(manager).findBy({ organizationId, id: In(unique) });
    return new Map(users.map((user) => [user.id, user]));
  }

  listByOrganization(organizationId: OrganizationId): Promise<User[]> {
    return this.users.find({ where: { organizationId }, order: { name: 'ASC', email: 'ASC' } });
  }

  /** One page of the organization's users, newest first, and how many it has in all. */
  async page(organizationId: OrganizationId, window: PageWindow): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.users.findAndCount({
      where: { organizationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
  }

  /**
   * The ids of the organization's admins. On PostgreSQL their rows stay locked until the
   * transaction ends, so of two concurrent demotions or removals of the last two admins, the
   * second sees the first's outcome (SQLite runs one write transaction at a time anyway).
   */
  async lockAdminIds(organizationId: OrganizationId, manager: EntityManager): Promise<string[]> {
    const query = manager
      .getRepository(User)
      .createQueryBuilder('user')
      .select(['user.id'])
      .where('user.organization_id = :organizationId AND user.role = :role', {
        organizationId,
        role: 'admin' satisfies Role,
      })
      .orderBy('user.id');
    if (manager.connection.options.type === 'postgres') {
      query.setLock('pessimistic_write');
    }
    return (await query.getMany()).map((user) => user.id);
  }

  async updateRole(
    organizationId: OrganizationId,
    id: string,
    role: Role,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager.getRepository(User).update({ organizationId, id }, { role });
    return (result.affected ?? 0) > 0;
  }

  /** Their notification preferences go with them (foreign key); what they wrote stays, unattributed. */
  async remove(organizationId: OrganizationId, id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(User).delete({ organizationId, id });
    return (result.affected ?? 0) > 0;
  }

  countAll(manager?: EntityManager): Promise<number> {
    return this.repository(manager).count();
  }

  insert(
    organizationId: OrganizationId,
    user: Omit<User, 'organizationId' | 'createdAt' | 'organization'>,
    manager?: EntityManager,
  ): Promise<User> {
    const repository = this.repository(manager);
    return repository.save(
      repository.create({ ...user, organizationId, email: user.email.trim().toLowerCase() }),
    );
  }

  private repository(manager?: EntityManager): Repository<User> {
    return manager?.getRepository(User) ?? this.users;
  }
}
