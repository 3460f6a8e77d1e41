import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule, UsersModule } from '@mailroute/api/core';
import { AuditAnswer } from './audit-answer.entity';
import { AuditQuestion } from './audit-question.entity';
import { AuditQuestionsService } from './audit-questions.service';
import { AuditRespondent } from './audit-respondent.entity';
import { AuditResponsesController } from './audit-responses.controller';
import { AuditResponsesService } from './audit-responses.service';
import { Audit } from './audit.entity';
import { AuditsController } from './audits.controller';
import { AuditsRepository } from './audits.repository';
import { AuditsService } from './audits.service';

/**
 * Audits, their questions, the email invitations of their respondents and their answers. Sends through MailerService (MailModule
 * is global); compose with `auditsSchema` in the app's schema.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Audit, AuditRespondent, AuditQuestion, AuditAnswer]),
    OrganizationsModule,
    UsersModule,
  ],
  controllers: [AuditsController, AuditResponsesController],
  providers: [AuditsService, AuditQuestionsService, AuditResponsesService, AuditsRepository],
})
export class AuditsModule {}
