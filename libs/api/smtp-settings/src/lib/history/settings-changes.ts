import type { SmtpSettingsFieldChange } from '@mailroute/shared/contracts';
import { summarizeCaCertificate } from '../settings/ca-certificate';
import type { SmtpSettings } from '../settings/smtp-settings.entity';

/** The fields an admin sets, in the order the history lists them. */
type TrackedField =
  | 'host'
  | 'port'
  | 'security'
  | 'username'
  | 'senderAddress'
  | 'senderName'
  | 'replyTo'
  | 'caCertificate'
  | 'failurePolicy';

const TRACKED: readonly TrackedField[] = [
  'host',
  'port',
  'security',
  'username',
  'senderAddress',
  'senderName',
  'replyTo',
  'caCertificate',
  'failurePolicy',
];

export type TrackedSettings = Pick<SmtpSettings, TrackedField>;

/**
 * What changed between two versions of the settings (null: none stored), for the history. The
 * password is only ever "changed" (both values null); a CA certificate is shown by its subject.
 */
export function settingsChanges(
  before: TrackedSettings | null,
  after: TrackedSettings | null,
  passwordChanged: boolean,
): SmtpSettingsFieldChange[] {
  const changes: SmtpSettingsFieldChange[] = [];
  for (const field of TRACKED) {
    const from = shown(field, before);
    const to = shown(field, after);
    if (from !== to) {
      changes.push({ field, from, to });
    }
  }
  if (passwordChanged) {
    changes.splice(4, 0, { field: 'password', from: null, to: null });
  }
  return changes;
}

function shown(field: TrackedField, settings: TrackedSettings | null): string | null {
  const value = settings?.[field];
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (field === 'caCertificate') {
    const summary = summarizeCaCertificate(String(value));
    return summary ? `${summary.subject} (until ${summary.validTo.slice(0, 10)})` : 'certificate';
  }
  return String(value);
}
