import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mailroute/api/core';
import { ehloNameOf, SecretRedactor, TlsTrustStore } from '@mailroute/api/mail';
import type { ConnectionTestReport } from '@mailroute/shared/contracts';
import { AddressPolicy } from '../address-policy/address-policy';
import { HostResolver } from '../address-policy/host-resolver';
import { ConnectionResources } from './connection-resources';
import type { ConnectionTestRequest } from './connection-test-request';
import { Deadline } from './deadline';
import { policyStage, resolveStage } from './destination-stages';
import { authStage, quit, senderStage, sendStage } from './mail-stages';
import { plainAuthToken } from './smtp-commands';
import { SmtpSession } from './smtp-session';
import { StageContext } from './stage-context';
import { StageRecorder, TestStopped } from './stage-recorder';
import { type ComposedTestMessage, composeTestMessage } from './test-message';
import { connectStage, ehloStage, greetingStage, implicitTlsStage, startTlsStage } from './transport-stages';

/**
 * The connection test run before SMTP settings are saved: stage by stage, from DNS to the test
 * email, stopping at the first failure, and always within SMTP_TEST_TIMEOUT_MS. The report is the
 * admin's diagnosis tool, so each stage says what happened and what to do about a failure.
 *
 * It speaks SMTP itself (smtp-session.ts and the stage runners) rather than through nodemailer's
 * SMTPConnection, which connects, upgrades, greets and signs in as one step with one error: it
 * cannot tell the stages apart, time each one, or show the certificate that failed to verify.
 *
 * `run` never throws because of what a server does or does not do: every such failure is a
 * stage of the report. Every socket it opened is destroyed before it returns.
 */
@Injectable()
export class ConnectionTester {
  constructor(
    private readonly config: AppConfig,
    private readonly resolver: HostResolver,
    private readonly policy: AddressPolicy,
    private readonly trustStore: TlsTrustStore,
  ) {}

  async run(request: ConnectionTestRequest): Promise<ConnectionTestReport> {
    const startedAt = new Date().toISOString();
    // Before the clock starts: composing is local work, and a caller's error, not the server's.
    const message = await composeTestMessage(request.message);
    const deadline = new Deadline(this.config.smtpSettings.testTimeoutMs);
    const resources = new ConnectionResources();
    const context = new StageContext(
      request,
      deadline,
      resources,
      this.config.mail.smtpTimeouts,
      ehloNameOf(this.config.publicUrl),
      this.trustStore,
    );
    const recorder = new StageRecorder(deadline, new SecretRedactor(secretsOf(request)), request);
    const progress = { transmitted: false };
    try {
      await this.runStages(context, recorder, message, progress);
    } catch (error) {
      if (!(error instanceof TestStopped)) {
        throw error;
      }
    } finally {
      resources.destroyAll();
      deadline.dispose();
    }
    return recorder.report({
      startedAt,
      testRecipient: request.testRecipient,
      messageId: progress.transmitted ? request.message.messageId : null,
    });
  }

  private async runStages(
    context: StageContext,
    recorder: StageRecorder,
    message: ComposedTestMessage,
    progress: { transmitted: boolean },
  ): Promise<void> {
    const addresses = await recorder.run('resolve', () => resolveStage(context, this.resolver));
    const destination = await recorder.run('policy', async () =>
      policyStage(context, this.policy, addresses),
    );
    const socket = await recorder.run('connect', () => connectStage(context, destination));

    let session: SmtpSession;
    if (context.request.security === 'tls') {
      session = await recorder.run('tls', () => implicitTlsStage(context, socket));
      await recorder.run('greeting', () => greetingStage(context, session));
    } else {
      session = SmtpSession.plaintext(socket);
      await recorder.run('greeting', () => greetingStage(context, session));
      await recorder.run('tls', () => startTlsStage(context, session));
    }

    const capabilities = await recorder.run('ehlo', () => ehloStage(context, session));
    await recorder.run('auth', () => authStage(context, session, capabilities));
    await recorder.run('sender', () => senderStage(context, session, capabilities, message));
    await recorder.run('send', () =>
      sendStage(context, session, message, () => {
        progress.transmitted = true;
      }),
    );
    await quit(context, session);
  }
}

/**
 * The password and the AUTH PLAIN token built from it, so that no server echo of either reaches
 * the report (the redactor adds their base64 forms, AUTH LOGIN's among them).
 */
function secretsOf(request: ConnectionTestRequest): string[] {
  if (request.password === '') {
    return [];
  }
  return [request.password, plainAuthToken(request.username, request.password)];
}
