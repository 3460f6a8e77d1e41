import type { MailConfig } from '@mailroute/api/core';
import type { TlsTrustStore } from '@mailroute/api/mail';
import type { ConnectionResources } from './connection-resources';
import type { ConnectionTestRequest } from './connection-test-request';
import type { Deadline, StepBudget } from './deadline';

/** What every stage runner of one test needs. */
export class StageContext {
  constructor(
    readonly request: ConnectionTestRequest,
    readonly deadline: Deadline,
    readonly resources: ConnectionResources,
    private readonly timeouts: MailConfig['smtpTimeouts'],
    /** Our name in EHLO/HELO. */
    readonly ehloName: string,
    readonly trustStore: TlsTrustStore,
  ) {}

  /** TCP connection and TLS handshake. */
  connectBudget(): StepBudget {
    return this.deadline.budget(this.timeouts.connectionMs);
  }

  /** The server's 220 greeting. */
  greetingBudget(): StepBudget {
    return this.deadline.budget(this.timeouts.greetingMs);
  }

  /** The reply to a command. */
  replyBudget(): StepBudget {
    return this.deadline.budget(this.timeouts.socketMs);
  }
}
