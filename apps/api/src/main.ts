import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, configureHttpApp, loadAppConfig } from '@mailroute/api/core';
import { SecretsRotation } from '@mailroute/api/smtp-settings';
import { AppModule } from './app/app.module';

/**
 * `node main.js` (or `serve`) serves the API, and sends email too unless MAIL_DISPATCHER=false;
 * `node main.js worker` only sends email, without HTTP; `node main.js rotate-secrets` re-seals
 * stored secrets and exits.
 */
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

/**
 * A sender without HTTP: the embedded dispatcher, or with REDIS_URL the queue's worker. On SIGTERM
 * or SIGINT it stops claiming, lets the sends in flight finish and record their outcome, then exits.
 */
async function worker(): Promise<void> {
  const config = loadAppConfig(process.env, { cwd: process.cwd() });
  if (!config.mail.dispatcher) {
    throw new ConfigError([
      {
        variable: 'MAIL_DISPATCHER',
        reason:
          'is false, but `worker` exists to send emails: unset it (an API-only instance is `serve` with MAIL_DISPATCHER=false)',
      },
    ]);
  }
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // The dispatcher's timers are unref'd and SQLite holds no socket: without HTTP, nothing else
  // keeps the process running until it is told to stop.
  const keepAlive = setInterval(() => undefined, 60 * 60 * 1000);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log(`${signal}: the worker stops once the sends in flight are recorded`);
    // app.close() runs the senders' onModuleDestroy (stop claiming, drain) before the transports
    // and the database close.
    app.close().then(
      () => {
        clearInterval(keepAlive);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.log(
    `Mailroute worker is sending (${config.redisUrl === null ? 'in-process dispatcher' : 'Redis queue'}, ` +
      `${config.database.type} database, concurrency ${config.mail.concurrency})`,
  );
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
  const docs = config.http.openApiDocs ? ', docs /api/docs' : '';
  return `Mailroute is listening on http://${host}:${config.http.port} (API /api${docs}, ${config.database.type} database)`;
}

const commands: Record<string, () => Promise<void>> = { serve, worker, 'rotate-secrets': rotateSecrets };
const run =
  commands[command] ??
  (() => Promise.reject(new Error(`Unknown command ${command}: serve, worker or rotate-secrets`)));
run().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: say which variable, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
