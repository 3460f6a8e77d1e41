import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CurrentUserView, Page, Role, UserView } from '@mailroute/shared/contracts';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../http/domain-error';
import type { PageQuery } from '../http/pagination/page-query.dto';
import { pageWindow, toPage } from '../http/pagination/page-window';
import { toOrganizationView } from '../organizations/organization-view';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import type { OrganizationId } from '../tenancy/organization-id';
import type { User } from './user.entity';
import { toUserView } from './user-view';
import { LastAdminError } from './users-errors';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async currentUser(principal: Principal): Promise<CurrentUserView> {
    const [user, organization] = await Promise.all([
      this.users.findById(principal.organizationId, principal.userId),
      this.organizations.findById(principal.organizationId),
    ]);
    if (!user || !organization) {
      throw new NotFoundError('The signed-in user');
    }
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: user.locale,
      organization: toOrganizationView(organization),
    };
  }

  async list(organizationId: OrganizationId, query: PageQuery): Promise<Page<UserView>> {
    const window = pageWindow(query);
    const { items, total } = await this.users.page(organizationId, window);
    return toPage(items.map(toUserView), total, window);
  }

  /** A user of another organization is reported as not found, exactly like a missing one. */
  async get(organizationId: OrganizationId, id: string): Promise<UserView> {
    const user = await this.users.findById(organizationId, id);
    if (!user) {
      throw new NotFoundError('The user');
    }
    return toUserView(user);
  }

  /** Makes a member an admin or an admin a member; the organization keeps at least one admin. */
  async changeRole(principal: Principal, id: string, role: Role): Promise<UserView> {
    const { organizationId } = principal;
    const user = await this.dataSource.transaction(async (manager) => {
      const user = await this.memberKeepingAnAdmin(
        organizationId,
        id,
        role === 'admin' ? null : 'demote',
        manager,
      );
      if (user.role !== role) {
        await this.users.updateRole(organizationId, id, role, manager);
        user.role = role;
      }
      return user;
    });
    this.logger.log({ organizationId, userId: id, role, changedById: principal.userId }, 'Role changed');
    return toUserView(user);
  }

  /** Removes the account: its tokens stop working at once (the guard re-reads the user). */
  async remove(principal: Principal, id: string): Promise<void> {
    const { organizationId } = principal;
    await this.dataSource.transaction(async (manager) => {
      await this.memberKeepingAnAdmin(organizationId, id, 'remove', manager);
      await this.users.remove(organizationId, id, manager);
    });
    this.logger.log({ organizationId, userId: id, removedById: principal.userId }, 'User removed');
  }

  /**
   * The user to change, after checking that `change` (if any) leaves the organization another
   * admin. The admins are read (and locked) first, so a concurrent change sees this one's outcome.
   */
  private async memberKeepingAnAdmin(
    organizationId: OrganizationId,
    id: string,
    change: 'demote' | 'remove' | null,
    manager: EntityManager,
  ): Promise<User> {
    const adminIds = await this.users.lockAdminIds(organizationId, manager);
    const user = await this.users.findById(organizationId, id, manager);
    if (!user) {
      throw new NotFoundError('The user');
    }
    if (change !== null && user.role === 'admin' && adminIds.every((adminId) => adminId === id)) {
      throw new LastAdminError(change);
    }
    return user;
  }
}
