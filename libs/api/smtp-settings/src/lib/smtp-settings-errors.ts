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
