import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { coreSchema, mergeSchemas } from './database/core-schema';
import { DatabaseModule } from './database/database.module';
import type { SchemaParts } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { createValidationPipe } from './http/validation';
import { LoggingModule } from './logging/logging.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { InitialAdminSeeder } from './seeding/initial-admin.seeder';
import { UsersModule } from './users/users.module';

export interface CoreModuleOptions {
  config: AppConfig;
  /** The entities and migrations of the other libraries the app is made of. */
  schema?: SchemaParts[];
}

/**
 * Configuration, database, logging, authentication, organizations and users: what every
 * Mailroute process needs. The app imports it once with its validated configuration.
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggingModule,
        DatabaseModule.forRoot(mergeSchemas(coreSchema, ...(options.schema ?? []))),
        OrganizationsModule,
        UsersModule,
        AuthModule,
      ],
      controllers: [HealthController],
      providers: [
        InitialAdminSeeder,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [OrganizationsModule, UsersModule, AuthModule],
    };
  }
}
