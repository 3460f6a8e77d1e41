import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../http/domain-error';
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
