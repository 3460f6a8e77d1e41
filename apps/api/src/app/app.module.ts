import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule } from '@mailroute/api/core';
import { MailModule, mailSchema } from '@mailroute/api/mail';
import { SmtpSettingsModule, smtpSettingsSchema } from '@mailroute/api/smtp-settings';
import { AuditsModule, auditsSchema } from '@mailroute/api/audits';
import { InvitationsModule, invitationsSchema } from '@mailroute/api/invitations';
import { NotificationsModule, notificationsSchema } from '@mailroute/api/notifications';
import { DataSubjectRequestsModule, dataSubjectRequestsSchema } from '@mailroute/api/data-subject-requests';

/** The composition root: which modules make up the Mailroute API process. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({
          config,
          schema: [
            mailSchema,
            smtpSettingsSchema,
            notificationsSchema,
            dataSubjectRequestsSchema,
            auditsSchema,
            invitationsSchema,
          ],
        }),
        MailModule.forRoot({ routeSource: 'global' }),
        SmtpSettingsModule,
        NotificationsModule,
        DataSubjectRequestsModule,
        AuditsModule,
        InvitationsModule,
      ],
    };
  }
}
