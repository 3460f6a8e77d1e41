import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreModule, loadAppConfig, type OrganizationId } from '@mailroute/api/core';
import { MailModule, mailSchema } from '@mailroute/api/mail';
import { insertOrganizations } from '@mailroute/api/mail/testing';
import { SmtpSettingsModule, smtpSettingsSchema } from '@mailroute/api/smtp-settings';
import { storeSmtpSettings } from '@mailroute/api/smtp-settings/testing';
import type { SinkAddress } from '../sink/sink';
import { sinkAccount } from '../sink/sink-protocol';

@Module({})
class BenchAppModule {}

/**
 * The mail library and the SmtpSettings module composed as apps/api composes them (its other
 * modules only add HTTP routes), in this process, without HTTP. The dispatcher (or the Redis
 * queue's worker) runs unless the environment says MAIL_DISPATCHER=false.
 */
export async function startBenchApp(env: Record<string, string>): Promise<INestApplicationContext> {
  const config = loadAppConfig(env, { cwd: env['DATA_DIR'] ?? process.cwd() });
  return NestFactory.createApplicationContext(
    {
      module: BenchAppModule,
      imports: [
        CoreModule.forRoot({ config, schema: [mailSchema, smtpSettingsSchema] }),
        MailModule.forRoot({ routeSource: 'global' }),
        SmtpSettingsModule,
      ],
    },
    { logger: ['error', 'warn'] },
  );
}

/**
 * `count` organizations, each with custom SMTP settings on the sink under its own account
 * (organization i signs in as `sinkAccount(i)`), stored in batches of one transaction each.
 */
export async function seedCustomSmtpOrganizations(
  app: INestApplicationContext,
  sink: SinkAddress,
  count: number,
): Promise<OrganizationId[]> {
  const organizations: OrganizationId[] = [];
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const ids = await insertOrganizations(
      app,
      Math.min(batch, count - start),
      (index) => `bench-${start + index}`,
    );
    await app.get(DataSource).transaction(async (manager) => {
      for (const [offset, organizationId] of ids.entries()) {
        const account = sinkAccount(start + offset);
        await storeSmtpSettings(
          app,
          organizationId,
          {
            host: sink.host,
            port: sink.port,
            security: 'tls',
            username: account.username,
            password: account.password,
            senderAddress: `notifications@org-${start + offset}.bench.test`,
            caCertificate: sink.ca,
          },
          manager,
        );
      }
    });
    organizations.push(...ids);
  }
  return organizations;
}

/** How many of the emails stored so far are in each status. */
export async function emailsByStatus(app: INestApplicationContext): Promise<Record<string, number>> {
  const rows: { status: string; count: string | number }[] = await app
    .get(DataSource)
    .query('SELECT status, COUNT(*) AS count FROM outbound_emails GROUP BY status');
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}
