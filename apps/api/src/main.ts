import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, configureHttpApp, loadAppConfig } from '@mailroute/api/core';
import { AppModule } from './app/app.module';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig(process.env, {
    cwd: process.cwd(),
    // The production build puts the web app at dist/apps/web/browser, beside dist/apps/api.
    defaultWebRoot: join(__dirname, '..', 'web', 'browser'),
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, config);
  await app.listen(config.http.port, config.http.host);
  app.get(Logger).log(describeStart(config));
}

function describeStart(config: AppConfig): string {
  const host = ['0.0.0.0', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
  return `Mailroute is listening on http://${host}:${config.http.port} (API /api, docs /api/docs, ${config.database.type} database)`;
}

bootstrap().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: say which variable, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
