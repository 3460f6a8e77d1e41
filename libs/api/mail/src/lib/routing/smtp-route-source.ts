import type { SmtpFailurePolicy } from '@mailroute/shared/contracts';
import type { OrganizationId } from '@mailroute/api/core';
import type { CustomSmtpRoute } from './smtp-route';

/**
 * The port through which mail learns each organization's SMTP route. The mail library declares
 * it; the SmtpSettings module implements it (inversion: mail never imports smtp-settings).
 */
export interface SmtpRouteSource {
  /**
   * The organization's active custom route, resolved and checked against the outbound address
   * policy now, or `null` when the organization uses the platform SMTP.
   * Throws {@link SmtpRouteUnavailableError} when custom settings exist but cannot be used (they
   * cannot be read or decrypted, or the host now resolves to a forbidden address): the emails are
   * then held, never silently sent through the platform.
   */
  customRouteFor(organizationId: OrganizationId): Promise<CustomSmtpRoute | null>;

  /**
   * A cheap token that changes whenever the organization's settings change (on any instance),
   * or `null` when it has none. Checked before each send to drop a stale cached transport.
   */
  currentVersion(organizationId: OrganizationId): Promise<string | null>;
}

export const SMTP_ROUTE_SOURCE = Symbol('SmtpRouteSource');

/** The organization has custom SMTP settings, but they cannot be used right now. */
export class SmtpRouteUnavailableError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'undecryptable' | 'address_refused' | 'unresolvable',
    message: string,
    /** The failure policy stored with the settings, when it could be read. */
    readonly failurePolicy: SmtpFailurePolicy = 'hold',
  ) {
    super(message);
    this.name = 'SmtpRouteUnavailableError';
  }
}
