import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule } from '@mailroute/api/core';
import { MailModule, mailSchema } from '@mailroute/api/mail';

/** The composition root: which modules make up the Mailroute API process. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ config, schema: [mailSchema] }), MailModule.forRoot()],
    };
  }
}
