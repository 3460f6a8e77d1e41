import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { newId } from '../database/new-id';
import { withStartupLock } from '../database/startup-lock';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { trustedOrganizationId } from '../tenancy/organization-id';
import { UsersRepository } from '../users/users.repository';

export const GENERATED_ADMIN_PASSWORD_FILE = 'admin-password.txt';

/**
 * On the very first start (no user at all) creates one organization and its admin from
 * ADMIN_EMAIL / ADMIN_PASSWORD. Outside production a missing password is generated and written
 * to `<DATA_DIR>/admin-password.txt` (mode 0600), never to the log.
 */
@Injectable()
export class InitialAdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('InitialAdminSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Under the start-up lock: of several instances starting at once on an empty PostgreSQL
    // database, exactly one sees no user and seeds; the others then find the admin and skip
    // (without generating a password file that would not match).
    const created = await withStartupLock(this.dataSource, () => this.seedIfEmpty());
    if (created) {
      this.logger.log(`Created organization "${created.organizationName}" with admin ${created.email}`);
    }
  }

  private async seedIfEmpty(): Promise<{ organizationName: string; email: string } | null> {
    if ((await this.users.countAll()) > 0) {
      return null;
    }
    const { email, organizationName } = this.config.initialAdmin;
    const password = this.config.initialAdmin.password ?? this.generatePassword();
    const passwordHash = await this.hasher.hash(password);
    try {
      await this.dataSource.transaction(async (manager) => {
        const organization = await this.organizations.insert(
          { id: newId(), name: organizationName, defaultLocale: 'en' },
          manager,
        );
        await this.users.insert(
          trustedOrganizationId(organization.id),
          { id: newId(), email, name: 'Administrator', passwordHash, role: 'admin', locale: null },
          manager,
        );
      });
    } catch (error) {
      // Two processes on one SQLite file take no start-up lock: the other one may have seeded first.
      if ((await this.users.countAll()) > 0) {
        return null;
      }
      throw error;
    }
    return { organizationName, email };
  }

  private generatePassword(): string {
    if (this.config.isProduction) {
      throw new ConfigError([
        {
          variable: 'ADMIN_PASSWORD',
          reason: 'is required on the first start in production (the first admin’s password)',
        },
      ]);
    }
    const password = randomBytes(12).toString('base64url');
    mkdirSync(this.config.dataDir, { recursive: true });
    const file = join(this.config.dataDir, GENERATED_ADMIN_PASSWORD_FILE);
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    this.logger.log(`Generated the first admin's password into ${file}`);
    return password;
  }
}
