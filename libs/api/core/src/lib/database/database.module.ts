import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, type SchemaParts } from './data-source-options';
import { withStartupLock } from './startup-lock';

/**
 * The one database connection. Each library contributes its entities and migrations; the app
 * passes them all here. Pending migrations run before the app accepts requests, under the
 * start-up lock, so several instances starting at once on one PostgreSQL apply each migration once.
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
            retryAttempts: config.isProduction ? 10 : 0,
          }),
          dataSourceFactory: (options?: DataSourceOptions) => openAndMigrate(options),
        }),
      ],
    };
  }
}

async function openAndMigrate(options: DataSourceOptions | undefined): Promise<DataSource> {
  if (!options) {
    throw new Error('DatabaseModule: no data source options');
  }
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await withStartupLock(dataSource, () => dataSource.runMigrations({ transaction: 'all' }));
  } catch (error) {
    // A retry (production) opens a new pool: close this one.
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}
