import type { ConnectionTestReport } from '@mailroute/shared/contracts';
import { DomainError } from '@mailroute/api/core';

/** Saving was refused because a stage of the connection test failed; nothing changed. */
export class SmtpTestFailedError extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'smtp_test_failed';
  override readonly details: { report: ConnectionTestReport };

  constructor(report: ConnectionTestReport) {
    const failed = report.stages.find((stage) => !stage.ok);
    super(
      failed
        ? `The connection test failed at the ${failed.stage} stage: nothing was changed.`
        : 'The connection test failed: nothing was changed.',
    );
    this.details = { report };
  }
}

/**
 * Another save (or a removal) of the organization's settings landed while this one was being
 * tested: storing this one would silently overwrite the newer settings, and its history entry would
 * compare against settings that are no longer the stored ones. Nothing changed; the test email did
 * go out and is in the email log.
 */
export class SmtpSettingsChangedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'smtp_settings_changed';

  constructor() {
    super(
      'The SMTP settings were changed by someone else in the meantime: nothing was changed. ' +
        'Review the current settings and try again.',
    );
  }
}
