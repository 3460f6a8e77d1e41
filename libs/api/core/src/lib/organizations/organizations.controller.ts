import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrganizationView } from '@mailroute/shared/contracts';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/route-access.decorators';
import { NotFoundError } from '../http/domain-error';
import { toOrganizationView } from './organization-view';
import { OrganizationsRepository } from './organizations.repository';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsRepository) {}

  @Get('current')
  async current(@CurrentPrincipal() principal: Principal): Promise<OrganizationView> {
    const organization = await this.organizations.findById(principal.organizationId);
    if (!organization) {
      throw new NotFoundError('The organization');
    }
    return toOrganizationView(organization);
  }
}
