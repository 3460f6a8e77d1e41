import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, OrganizationsModule, UsersModule } from '@mailroute/api/core';
import { DispatchSignal } from './dispatch/dispatch-signal';
import { EmailDelivery } from './delivery/email-delivery';
import { OutboxDispatcher } from './dispatch/outbox-dispatcher';
import { EmailLogController } from './email-log/email-log.controller';
import { EmailLogService } from './email-log/email-log.service';
import { EmailStatuses } from './email-log/email-statuses';
import { RouteAlerts } from './health/route-alerts';
import { RouteHealthService } from './health/route-health.service';
import { MailerService } from './mailer.service';
import { MailRouteHealth } from './health/mail-route-health.entity';
import { OutboundEmail } from './outbox/outbound-email.entity';
import { OutboxRepository } from './outbox/outbox.repository';
import { MailRouteControl } from './routing/mail-route-control';
import { chooseMailQueue, MAIL_QUEUE_KIND, type MailQueueKind } from './dispatch/queue/mail-queue-kind';
import { OutboundEmailQueue } from './dispatch/queue/outbound-email-queue';
import { OutboundEmailWorker } from './dispatch/queue/outbound-email-worker';
import { OutboxSweeper } from './dispatch/queue/outbox-sweeper';
import { QueueDispatcher } from './dispatch/queue/queue-dispatcher';
import { PlatformOnlyRoutes } from './routing/platform-only-routes';
import { SMTP_ROUTE_SOURCE } from './routing/smtp-route-source';
import { TemplateRenderer } from './templates/template-renderer';
import { TlsTrustStore } from './transport/tls-trust-store';
import { TransportResolver } from './transport/transport-resolver';

export interface MailModuleOptions {
  /**
   * Provides SMTP_ROUTE_SOURCE (each organization's custom route), or `global` when a global
   * module provides it (the SmtpSettings module: it depends on mail, so mail cannot import it).
   * Default: every organization uses the platform SMTP.
   */
  routeSource?: Provider | 'global';
  /**
   * How due emails reach a sender: the embedded dispatcher (`in-process`) or a BullMQ queue shared
   * by any number of worker processes (`redis`, needs REDIS_URL). Default: `redis` exactly when
   * REDIS_URL is set.
   */
  queue?: MailQueueKind;
}

/**
 * The shared mail library: MailerService for every module, the outbox, the dispatchers (embedded,
 * or through the Redis queue), the transport resolver and the email log API. Global, so domain
 * modules just inject MailerService.
 */
@Module({})
export class MailModule {
  static forRoot(options: MailModuleOptions = {}): DynamicModule {
    return {
      module: MailModule,
      global: true,
      imports: [TypeOrmModule.forFeature([OutboundEmail, MailRouteHealth]), OrganizationsModule, UsersModule],
      controllers: [EmailLogController],
      providers: [
        ...routeSourceProviders(options.routeSource),
        MailerService,
        TemplateRenderer,
        OutboxRepository,
        DispatchSignal,
        TlsTrustStore,
        TransportResolver,
        RouteHealthService,
        RouteAlerts,
        EmailDelivery,
        OutboxDispatcher,
        {
          provide: MAIL_QUEUE_KIND,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => chooseMailQueue(options.queue, config.redisUrl),
        },
        OutboundEmailQueue,
        OutboxSweeper,
        OutboundEmailWorker,
        QueueDispatcher,
        EmailLogService,
        EmailStatuses,
        MailRouteControl,
      ],
      exports: [MailerService, EmailStatuses, MailRouteControl, RouteHealthService, TlsTrustStore],
    };
  }
}

function routeSourceProviders(routeSource: MailModuleOptions['routeSource']): Provider[] {
  if (routeSource === 'global') {
    return [];
  }
  return [routeSource ?? { provide: SMTP_ROUTE_SOURCE, useClass: PlatformOnlyRoutes }];
}
