import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, configureHttpApp, loadAppConfig } from '@mailroute/api/core';
import { SecretsRotation } from '@mailroute/api/smtp-settings';
import { AppModule } from './app/app.module';

/** `node main.js` serves the API; `node main.js rotate-secrets` re-seals stored secrets and exits. */
const command = process.argv[2] ?? 'serve';

async function serve(): Promise<void> {
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

/** After a SECRETS_KEY rotation (see the README): re-seal every stored secret under the new key. */
async function rotateSecrets(): Promise<void> {
  const config = loadAppConfig({ ...process.env, MAIL_DISPATCHER: 'false' }, { cwd: process.cwd() });
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    const report = await app.get(SecretsRotation).resealAll();
    console.log(
      `Re-sealed ${report.resealed} SMTP password(s) under key ${config.secretsKey.id}; ` +
        `${report.alreadyCurrent} already current; ${report.unreadable.length} unreadable.`,
    );
    if (report.unreadable.length > 0) {
      console.error(
        `No configured key opens the password of organization(s): ${report.unreadable.join(', ')}`,
      );
      process.exitCode = 2;
    }
  } finally {
    await app.close();
  }
}

function describeStart(config: AppConfig): string {
  const host = ['0.0.0.0', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
  return `Mailroute is listening on http://${host}:${config.http.port} (API /api, docs /api/docs, ${config.database.type} database)`;
}

const commands: Record<string, () => Promise<void>> = { serve, 'rotate-secrets': rotateSecrets };
const run =
  commands[command] ??
  (() => Promise.reject(new Error(`Unknown command ${command}: serve or rotate-secrets`)));
run().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: say which variable, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
