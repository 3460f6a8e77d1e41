import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { OrganizationId } from '../tenancy/organization-id';
import { Organization } from './organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  findById(id: OrganizationId): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  insert(organization: Omit<Organization, 'createdAt'>, manager?: EntityManager): Promise<Organization> {
    const repository = manager?.getRepository(Organization) ?? this.organizations;
    return repository.save(repository.create(organization));
  }
}
