import type { SendMailOptions, SMTPPoolOptions, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';
import type { SmtpRoute } from '../routing/smtp-route';

/** A pooled nodemailer SMTP transporter. */
export type SmtpTransporter = Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

/**
 * What a lease holder may do with the transport: send. The transport is shared by every email of
 * the organization, so closing or reconfiguring it is the resolver's job alone.
 */
export interface LeasedTransporter {
  /** Rejects without sending once the lease is released. */
  sendMail(message: SendMailOptions): Promise<SMTPPoolSentMessageInfo>;
}

/**
 * The right to send through one route's transport until `release()`. While any lease is held
 * the transport stays open, even if it was replaced or evicted meanwhile.
 *
 * @example
 * const lease = await resolver.acquire(organizationId);
 * try {
 *   await lease.transporter.sendMail({ from: lease.route.sender, ... });
 * } finally {
 *   lease.release();
 * }
 */
export interface TransportLease {
  readonly route: SmtpRoute;
  readonly transporter: LeasedTransporter;
  /** Call exactly once, in a `finally`; further calls do nothing. */
  release(): void;
}
