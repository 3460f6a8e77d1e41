import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  ConnectionTestReport,
  SmtpSettingsHistoryEntry,
  SmtpSettingsSaved,
  SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { newId, type OrganizationId, type Principal, RequestValidationError } from '@mailroute/api/core';
import {
  MailerService,
  MailRouteControl,
  type OutboundEmail,
  RouteHealthService,
  smtpTestTemplate,
} from '@mailroute/api/mail';
import { ConnectionTester } from './connection-test/connection-tester';
import type { SmtpSettingsInputDto } from './dto/smtp-settings-input.dto';
import { settingsChanges } from './history/settings-changes';
import { OrganizationRateLimiter } from './rate-limit/organization-rate-limiter';
import { SecretBox, SecretUnreadableError } from './secrets/secret-box';
import { SmtpSettingsChange } from './settings/smtp-settings-change.entity';
import { SmtpSettings } from './settings/smtp-settings.entity';
import { historyEntryView, smtpSettingsView } from './settings/smtp-settings-view';
import { SmtpSettingsRepository } from './settings/smtp-settings.repository';
import { SmtpSettingsChangedError, SmtpTestFailedError } from './smtp-settings-errors';

const HISTORY_LIMIT = 100;

/** Settings as they will be tested and stored: the input with defaults, and the password to use. */
interface CandidateSettings {
  host: string;
  port: number;
  security: SmtpSettings['security'];
  username: string;
  password: string;
  passwordChanged: boolean;
  senderAddress: string;
  senderName: string | null;
  replyTo: string | null;
  caCertificate: string | null;
  failurePolicy: SmtpSettings['failurePolicy'];
  testRecipient: string;
}

/**
 * The use cases behind `general-settings/smtp`: read, test, save (test first, store only when
 * every stage passed), go back to the platform SMTP, and the history of changes.
 */
@Injectable()
export class SmtpSettingsService {
  private readonly logger = new Logger('SmtpSettingsService');

  constructor(
    private readonly settings: SmtpSettingsRepository,
    private readonly secrets: SecretBox,
    private readonly tester: ConnectionTester,
    private readonly mailer: MailerService,
    private readonly routes: MailRouteControl,
    private readonly health: RouteHealthService,
    private readonly limiter: OrganizationRateLimiter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async get(organizationId: OrganizationId): Promise<SmtpSettingsView> {
    const [stored, health] = await Promise.all([
      this.settings.find(organizationId),
      this.health.view(organizationId),
    ]);
    return smtpSettingsView(stored, health);
  }

  /** Runs the connection test and sends the test email, without storing anything else. */
  async test(principal: Principal, input: SmtpSettingsInputDto): Promise<ConnectionTestReport> {
    const { candidate, report, email } = await this.testInput(principal, input);
    if (report.ok) {
      await this.mailer.recordSentDirectly(email, this.sentOutcome(candidate, report));
    }
    return report;
  }

  /**
   * Tests the settings and sends the test email; only when every stage passed are they stored
   * and activated, with the history entry and the test email's log line in one transaction.
   * Otherwise nothing changes and the report explains why.
   */
  async save(principal: Principal, input: SmtpSettingsInputDto): Promise<SmtpSettingsSaved> {
    const organizationId = principal.organizationId;
    const { stored, candidate, report, email } = await this.testInput(principal, input);
    if (!report.ok) {
      throw new SmtpTestFailedError(report);
    }

    const now = new Date();
    const routeChanged =
      !stored ||
      stored.host !== candidate.host ||
      stored.port !== candidate.port ||
      stored.security !== candidate.security ||
      stored.senderAddress !== candidate.senderAddress;
    const next = Object.assign(new SmtpSettings(), {
      organizationId,
      host: candidate.host,
      port: candidate.port,
      security: candidate.security,
      username: candidate.username,
      passwordSealed:
        stored && !candidate.passwordChanged
          ? stored.passwordSealed
          : this.secrets.seal(candidate.password, organizationId),
      senderAddress: candidate.senderAddress,
      senderName: candidate.senderName,
      replyTo: candidate.replyTo,
      caCertificate: candidate.caCertificate,
      failurePolicy: candidate.failurePolicy,
      version: newId(),
      activatedAt: routeChanged ? now : (stored?.activatedAt ?? now),
      updatedAt: now,
      updatedById: principal.userId,
      updatedByEmail: principal.email,
    } satisfies SmtpSettings);
    const change = this.change(
      principal,
      stored ? 'updated' : 'activated',
      now,
      stored,
      next,
      candidate.passwordChanged,
    );

    const sent = this.sentOutcome(candidate, report);
    const saved = await this.dataSource.transaction(async (manager) => {
      // The test took seconds: another save may have landed since `stored` was read.
      if (!(await this.settings.storeIfUnchanged(next, stored?.version ?? null, manager))) {
        return false;
      }
      // Saving the same settings again re-tests them; the history lists only real changes.
      if (change.changes.length > 0) {
        await this.settings.record(change, manager);
      }
      await this.mailer.recordSentDirectly(email, sent, manager);
      return true;
    });
    if (!saved) {
      // The test email did leave through the tested server: it belongs in the email log all the same.
      await this.mailer.recordSentDirectly(email, sent);
      this.logger.warn(
        { organizationId, userId: principal.userId, host: next.host, port: next.port },
        'Custom SMTP settings not saved: they changed while this save was being tested',
      );
      throw new SmtpSettingsChangedError();
    }
    await this.routes.routeChanged(organizationId);
    // The test email just went through the new route: that is its first success.
    await this.health.recordSuccess(organizationId, now);
    this.logger.log(
      { organizationId, userId: principal.userId, host: next.host, port: next.port },
      'Custom SMTP settings activated',
    );
    return { settings: smtpSettingsView(next, await this.health.view(organizationId)), report };
  }

  /** Back to the platform SMTP; the stored password is destroyed with the row. */
  async remove(principal: Principal): Promise<SmtpSettingsView> {
    const organizationId = principal.organizationId;
    const stored = await this.settings.find(organizationId);
    if (stored) {
      const change = this.change(principal, 'deleted', new Date(), stored, null, true);
      await this.dataSource.transaction(async (manager) => {
        // A save that landed since `stored` was read is not removed unseen, nor recorded as its diff.
        if (!(await this.settings.removeIfUnchanged(organizationId, stored.version, manager))) {
          throw new SmtpSettingsChangedError();
        }
        await this.settings.record(change, manager);
      });
      await this.routes.routeChanged(organizationId);
      this.logger.log({ organizationId, userId: principal.userId }, 'Custom SMTP settings removed');
    }
    return smtpSettingsView(null, await this.health.view(organizationId));
  }

  async history(organizationId: OrganizationId): Promise<SmtpSettingsHistoryEntry[]> {
    return (await this.settings.history(organizationId, HISTORY_LIMIT)).map(historyEntryView);
  }

  private candidate(
    principal: Principal,
    input: SmtpSettingsInputDto,
    stored: SmtpSettings | null,
  ): CandidateSettings {
    const host = input.host.toLowerCase();
    let password = input.password;
    if (password === undefined) {
      if (!stored) {
        throw new RequestValidationError([{ field: 'password', reason: 'is required' }]);
      }
      // The stored password only ever goes back to the server it was saved for: otherwise
      // pointing the settings elsewhere would hand the password to another server.
      if (stored.host !== host || stored.port !== input.port || stored.username !== input.username) {
        throw new RequestValidationError([
          { field: 'password', reason: 'must be entered again when the host, port or username changes' },
        ]);
      }
      password = this.storedPassword(stored);
    }
    return {
      host,
      port: input.port,
      security: input.security,
      username: input.username,
      password,
      passwordChanged: input.password !== undefined,
      senderAddress: input.senderAddress,
      senderName: input.senderName?.trim() || null,
      replyTo: input.replyTo || null,
      // Omitted: keep the stored one (the API only shows its summary); null or empty: remove it.
      caCertificate:
        input.caCertificate === undefined
          ? (stored?.caCertificate ?? null)
          : input.caCertificate?.trim() || null,
      failurePolicy: input.failurePolicy ?? stored?.failurePolicy ?? 'hold',
      testRecipient: input.testRecipient ?? principal.email,
    };
  }

  private storedPassword(stored: SmtpSettings): string {
    try {
      return this.secrets.open(stored.passwordSealed, stored.organizationId);
    } catch (error) {
      if (error instanceof SecretUnreadableError) {
        throw new RequestValidationError([
          { field: 'password', reason: 'the stored password cannot be read any more: enter it again' },
        ]);
      }
      throw error;
    }
  }

  /** What test and save share: the stored settings, the candidate, one test counted against the limit. */
  private async testInput(principal: Principal, input: SmtpSettingsInputDto) {
    const stored = await this.settings.find(principal.organizationId);
    const candidate = this.candidate(principal, input, stored);
    this.limiter.consume(principal.organizationId);
    return { stored, candidate, ...(await this.runTest(principal, candidate)) };
  }

  private async runTest(
    principal: Principal,
    candidate: CandidateSettings,
  ): Promise<{ report: ConnectionTestReport; email: OutboundEmail }> {
    const email = await this.mailer.compose({
      organizationId: principal.organizationId,
      kind: 'smtp_test',
      to: candidate.testRecipient,
      template: smtpTestTemplate,
      data: { host: candidate.host, port: candidate.port, requestedBy: principal.email },
      replyTo: candidate.replyTo,
    });
    const report = await this.tester.run({
      host: candidate.host,
      port: candidate.port,
      security: candidate.security,
      username: candidate.username,
      password: candidate.password,
      senderAddress: candidate.senderAddress,
      caCertificate: candidate.caCertificate,
      testRecipient: candidate.testRecipient,
      message: {
        from: {
          address: candidate.senderAddress,
          ...(candidate.senderName ? { name: candidate.senderName } : {}),
        },
        to: candidate.testRecipient,
        replyTo: candidate.replyTo,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
        messageId: email.messageId,
        headers: email.headers,
      },
    });
    this.logger.log(
      {
        organizationId: principal.organizationId,
        userId: principal.userId,
        host: candidate.host,
        port: candidate.port,
        ok: report.ok,
        failedStage: report.stages.find((stage) => !stage.ok)?.stage ?? null,
      },
      'SMTP connection test',
    );
    return { report, email };
  }

  private sentOutcome(candidate: CandidateSettings, report: ConnectionTestReport) {
    const send = report.stages.find((stage) => stage.stage === 'send');
    return {
      route: {
        type: 'custom' as const,
        host: candidate.host,
        port: candidate.port,
        sender: candidate.senderAddress,
      },
      serverResponse: send?.serverResponse ?? send?.detail ?? '',
      at: new Date(),
    };
  }

  private change(
    principal: Principal,
    action: SmtpSettingsChange['action'],
    at: Date,
    before: SmtpSettings | null,
    after: SmtpSettings | null,
    passwordChanged: boolean,
  ): SmtpSettingsChange {
    return Object.assign(new SmtpSettingsChange(), {
      id: newId(),
      organizationId: principal.organizationId,
      action,
      changes: settingsChanges(before, after, passwordChanged),
      changedById: principal.userId,
      changedByEmail: principal.email,
      changedAt: at,
    } satisfies SmtpSettingsChange);
  }
}
