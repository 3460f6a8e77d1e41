import { Module } from '@nestjs/common';
import { EmailStatuses } from '@mailroute/api/mail';
import { DataSubjectRequestsController } from './data-subject-requests.controller';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import { DataSubjectRequestsService } from './data-subject-requests.service';

/**
 * Rights requests (GDPR art. 15–21) and the messages exchanged with the data subject, emailed
 * through MailerService (MailModule is global). Compose with `dataSubjectRequestsSchema`.
 */
@Module({
  controllers: [DataSubjectRequestsController],
  // EmailStatuses is mail's read API for the thread's delivery status (MailModule does not provide it).
  providers: [DataSubjectRequestsService, DataSubjectRequestsRepository, EmailStatuses],
})
export class DataSubjectRequestsModule {}
