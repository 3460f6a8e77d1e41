import type { RouteHealthView } from '@mailroute/api/mail';
import type { SmtpHealthView, SmtpSettingsHistoryEntry, SmtpSettingsView } from '@mailroute/shared/contracts';
import { summarizeCaCertificate } from './ca-certificate';
import type { SmtpSettingsChange } from './smtp-settings-change.entity';
import type { SmtpSettings } from './smtp-settings.entity';

/** What an admin sees of the settings: everything but the password, plus the route's health. */
export function smtpSettingsView(stored: SmtpSettings | null, health: RouteHealthView): SmtpSettingsView {
  return {
    mode: stored ? 'custom' : 'platform',
    host: stored?.host ?? null,
    port: stored?.port ?? null,
    security: stored?.security ?? null,
    username: stored?.username ?? null,
    hasPassword: Boolean(stored?.passwordSealed),
    senderAddress: stored?.senderAddress ?? null,
    senderName: stored?.senderName ?? null,
    replyTo: stored?.replyTo ?? null,
    caCertificate: summarizeCaCertificate(stored?.caCertificate ?? null),
    failurePolicy: stored?.failurePolicy ?? 'hold',
    health: healthView(health),
    activeSince: stored?.activatedAt.toISOString() ?? null,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    updatedBy:
      stored?.updatedById && stored.updatedByEmail
        ? { id: stored.updatedById, email: stored.updatedByEmail }
        : null,
  };
}

function healthView(health: RouteHealthView): SmtpHealthView {
  return {
    state: health.state,
    lastSuccessAt: health.lastSuccessAt?.toISOString() ?? null,
    lastFailure: health.lastFailure
      ? {
          at: health.lastFailure.at.toISOString(),
          message: health.lastFailure.message,
          code: health.lastFailure.code,
        }
      : null,
    held: health.held,
  };
}

export function historyEntryView(change: SmtpSettingsChange): SmtpSettingsHistoryEntry {
  return {
    id: change.id,
    at: change.changedAt.toISOString(),
    action: change.action,
    by:
      change.changedById && change.changedByEmail
        ? { id: change.changedById, email: change.changedByEmail }
        : null,
    changes: change.changes,
  };
}
