import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule, UsersModule } from '@mailroute/api/core';
import { AuditRespondent } from './audit-respondent.entity';
import { AuditResponsesController } from './audit-responses.controller';
import { Audit } from './audit.entity';
import { AuditsController } from './audits.controller';
import { AuditsRepository } from './audits.repository';
import { AuditsService } from './audits.service';

/**
 * Audits and the email invitations of their respondents. Sends through MailerService (MailModule
 * is global); compose with `auditsSchema` in the app's schema.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Audit, AuditRespondent]), OrganizationsModule, UsersModule],
  controllers: [AuditsController, AuditResponsesController],
  providers: [AuditsService, AuditsRepository],
})
export class AuditsModule {}
