import { Injectable } from '@nestjs/common';
import type { CurrentUserView, UserView } from '@mailroute/shared/contracts';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../http/domain-error';
import { toOrganizationView } from '../organizations/organization-view';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import type { OrganizationId } from '../tenancy/organization-id';
import { toUserView } from './user-view';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
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

  async list(organizationId: OrganizationId): Promise<UserView[]> {
    return (await this.users.listByOrganization(organizationId)).map(toUserView);
  }

  /** A user of another organization is reported as not found, exactly like a missing one. */
  async get(organizationId: OrganizationId, id: string): Promise<UserView> {
    const user = await this.users.findById(organizationId, id);
    if (!user) {
      throw new NotFoundError('The user');
    }
    return toUserView(user);
  }
}
