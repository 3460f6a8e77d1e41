import { createTransport } from 'nodemailer';
import { newId, type Principal } from '@mailroute/api/core';
import { MailerService, smtpTestTemplate } from '@mailroute/api/mail';
import { insertOrganizations } from '@mailroute/api/mail/testing';
import { SmtpSettingsService } from '@mailroute/api/smtp-settings';
import { startBenchApp } from '../mailroute/bench-app';
import type { Deployment } from '../mailroute/deployment';
import type { Sink } from '../sink/sink';
import { sinkAccount } from '../sink/sink-protocol';

export interface SaveAndTestTimes {
  /** Milliseconds of each SmtpSettings connection test with its test email. */
  mailroute: number[];
  /** Milliseconds of each nodemailer `verify()` + `sendMail()` on a new transport. */
  baseline: number[];
}

type SettingsInput = Parameters<SmtpSettingsService['test']>[1];

/**
 * 6. save and test: what "Save and test" runs before storing — the stage-by-stage connection
 * test, the test email and its log line — against what a plain integration does to check
 * settings: nodemailer `verify()` then `sendMail()`, on the same server with the same account.
 * Rounds alternate so that drift affects both sides alike.
 */
export async function measureSaveAndTest(
  deployment: Deployment,
  sink: Sink,
  rounds: number,
): Promise<SaveAndTestTimes> {
  const app = await startBenchApp(await deployment.freshEnvironment({ MAIL_DISPATCHER: 'false' }));
  try {
    const [organizationId] = await insertOrganizations(app, 1, () => 'bench-settings');
    const principal: Principal = {
      userId: newId(),
      organizationId,
      role: 'admin',
      email: 'admin@org.bench.test',
    };
    const account = sinkAccount(0);
    const input = {
      host: sink.host,
      port: sink.port,
      security: 'tls',
      username: account.username,
      password: account.password,
      senderAddress: 'notifications@org-0.bench.test',
      caCertificate: sink.ca,
      testRecipient: principal.email,
    } as SettingsInput;
    const email = await app.get(MailerService).compose({
      organizationId,
      kind: 'smtp_test',
      to: principal.email,
      template: smtpTestTemplate,
      data: { host: sink.host, port: sink.port, requestedBy: principal.email },
    });
    const settings = app.get(SmtpSettingsService);
    const times: SaveAndTestTimes = { mailroute: [], baseline: [] };
    for (let round = 0; round < rounds; round += 1) {
      let start = performance.now();
      const report = await settings.test(principal, input);
      times.mailroute.push(performance.now() - start);
      if (!report.ok) {
        throw new Error(`The connection test failed: ${JSON.stringify(report)}`);
      }

      start = performance.now();
      const transport = createTransport({
        host: sink.host,
        port: sink.port,
        secure: true,
        auth: { user: account.username, pass: account.password },
        tls: { ca: [sink.ca], minVersion: 'TLSv1.2' },
      });
      try {
        await transport.verify();
        await transport.sendMail({
          from: input.senderAddress,
          to: principal.email,
          subject: email.subject,
          text: email.textBody,
          html: email.htmlBody ?? undefined,
        });
      } finally {
        transport.close();
      }
      times.baseline.push(performance.now() - start);
    }
    return times;
  } finally {
    await app.close();
  }
}
