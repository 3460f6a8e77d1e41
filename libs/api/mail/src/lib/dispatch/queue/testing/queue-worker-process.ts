/*
 * A Mailroute worker process for the multi-process queue test: the core and mail modules in
 * redis mode, without HTTP, each organization's custom route given by the test. Run with
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register queue-worker-process.ts '<spec>'
 * where <spec> is a JSON {@link QueueWorkerProcessSpec}. It tells the test `ready` over the IPC
 * channel once started, and stops gracefully on SIGTERM or when the test process goes away (the
 * channel closes), so no worker outlives its test.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, loadAppConfig } from '@mailroute/api/core';
import { InMemoryRouteSource } from '../../../../testing/in-memory-route-source';
import { mailSchema } from '../../../mail-schema';
import { MailModule } from '../../../mail.module';
import type { CustomSmtpRoute } from '../../../routing/smtp-route';
import { SMTP_ROUTE_SOURCE } from '../../../routing/smtp-route-source';
import { OutboundEmailWorker } from '../outbound-email-worker';

export interface QueueWorkerProcessSpec {
  /** The process's environment variables, as the API would read them. */
  env: Record<string, string>;
  routes: Omit<CustomSmtpRoute, 'version'>[];
}

/** What the worker process tells the test over IPC. */
export type QueueWorkerProcessMessage = { type: 'ready'; owner: string } | { type: 'failed'; error: string };

@Module({})
class QueueWorkerProcessModule {}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as QueueWorkerProcessSpec;
  const config = loadAppConfig(spec.env, { cwd: spec.env['DATA_DIR'] ?? process.cwd() });
  const routes = new InMemoryRouteSource();
  spec.routes.forEach((route) => routes.set(route));
  const app = await NestFactory.createApplicationContext(
    {
      module: QueueWorkerProcessModule,
      imports: [
        CoreModule.forRoot({ config, schema: [mailSchema] }),
        MailModule.forRoot({ routeSource: { provide: SMTP_ROUTE_SOURCE, useValue: routes }, queue: 'redis' }),
      ],
    },
    { logger: ['error', 'warn'] },
  );
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  tell({ type: 'ready', owner: app.get(OutboundEmailWorker).owner });
}

function tell(message: QueueWorkerProcessMessage): void {
  process.send?.(message);
}

main().catch((error: unknown) => {
  console.error(error);
  tell({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
