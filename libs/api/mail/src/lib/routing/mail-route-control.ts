import { Injectable } from '@nestjs/common';
import type { OrganizationId } from '@mailroute/api/core';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { RouteHealthService } from '../health/route-health.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { TransportResolver } from '../transport/transport-resolver';

/** What the SmtpSettings module tells mail when an organization's route changes. */
@Injectable()
export class MailRouteControl {
  constructor(
    private readonly resolver: TransportResolver,
    private readonly health: RouteHealthService,
    private readonly outbox: OutboxRepository,
    private readonly signal: DispatchSignal,
  ) {}

  /**
   * New settings were activated or removed: drop the cached transport (other instances notice
   * through the settings version), lift a hold and send the held emails again through the new
   * route.
   */
  async routeChanged(organizationId: OrganizationId): Promise<void> {
    this.resolver.invalidate(organizationId);
    await this.releaseHeld(organizationId);
  }

  /**
   * The reason the organization's emails were held is gone (e.g. SECRETS_KEY was corrected and
   * the stored password opens again): lift the hold and send the held emails, due now.
   */
  async releaseHeld(organizationId: OrganizationId): Promise<void> {
    await this.health.release(organizationId);
    await this.outbox.releaseHeld(organizationId, new Date());
    this.signal.notify();
  }
}
