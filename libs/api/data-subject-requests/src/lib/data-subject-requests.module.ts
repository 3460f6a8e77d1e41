import { Module } from '@nestjs/common';
import { DataSubjectRequestsController } from './data-subject-requests.controller';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import { DataSubjectRequestsService } from './data-subject-requests.service';

/**
 * Rights requests (GDPR art. 15–21) and the messages exchanged with the data subject, emailed
 * through MailerService (MailModule is global). Compose with `dataSubjectRequestsSchema`.
 */
@Module({
  controllers: [DataSubjectRequestsController],
  providers: [DataSubjectRequestsService, DataSubjectRequestsRepository],
})
export class DataSubjectRequestsModule {}
