import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
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

  findById(organizationId: OrganizationId, id: string): Promise<User | null> {
    return this.users.findOneBy({ organizationId, id });
  }

  listByOrganization(organizationId: OrganizationId): Promise<User[]> {
    return this.users.find({ where: { organizationId }, order: { name: 'ASC', email: 'ASC' } });
  }

  countAll(manager?: EntityManager): Promise<number> {
    return (manager?.getRepository(User) ?? this.users).count();
  }

  insert(
    organizationId: OrganizationId,
    user: Omit<User, 'organizationId' | 'createdAt' | 'organization'>,
    manager?: EntityManager,
  ): Promise<User> {
    const repository = manager?.getRepository(User) ?? this.users;
    return repository.save(
      repository.create({ ...user, organizationId, email: user.email.trim().toLowerCase() }),
    );
  }
}
