import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, type SchemaParts } from './data-source-options';

/**
 * The one database connection. Each library contributes its entities and migrations; the app
 * passes them all here. Pending migrations run before the app accepts requests.
 */
@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaParts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config.database, schema),
            migrationsRun: true,
            retryAttempts: config.isProduction ? 10 : 0,
          }),
        }),
      ],
    };
  }
}
