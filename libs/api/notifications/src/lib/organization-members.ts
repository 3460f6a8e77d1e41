import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type OrganizationId, User } from '@mailroute/api/core';
import type { PersonView } from './notification-types';

/**
 * The organization's users, read in the caller's transaction. (UsersRepository reads one user at a
 * time and outside transactions; this reads several, scoped the same way.)
 */
@Injectable()
export class OrganizationMembers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(
    organizationId: OrganizationId,
    ids: string[],
    manager?: EntityManager,
  ): Promise<Map<string, User>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      return new Map();
    }
    const users = await (manager ?? this.dataSource.manager)
      .getRepository(User)
      .findBy({ organizationId, id: In(unique) });
    return new Map(users.map((user) => [user.id, user]));
  }

  async find(organizationId: OrganizationId, id: string, manager?: EntityManager): Promise<User | null> {
    return (await this.byIds(organizationId, [id], manager)).get(id) ?? null;
  }
}

export function personView(users: Map<string, User>, id: string | null): PersonView | null {
  const user = id === null ? undefined : users.get(id);
  return user ? { id: user.id, name: user.name } : null;
}
