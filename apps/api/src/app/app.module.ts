import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule } from '@mailroute/api/core';
import { MailModule, mailSchema } from '@mailroute/api/mail';
import { SmtpSettingsModule, smtpSettingsSchema } from '@mailroute/api/smtp-settings';

/** The composition root: which modules make up the Mailroute API process. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config, schema: [mailSchema, smtpSettingsSchema] }),
        MailModule.forRoot({ routeSource: 'global' }),
        SmtpSettingsModule,
      ],
    };
  }
}
