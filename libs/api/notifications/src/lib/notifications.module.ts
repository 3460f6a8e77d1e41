import { Module } from '@nestjs/common';
import { UsersModule } from '@mailroute/api/core';
import { ActivitiesRepository } from './activities/activities.repository';
import { ProcessingActivitiesController } from './activities/processing-activities.controller';
import { ProcessingActivitiesService } from './activities/processing-activities.service';
import { InboxController } from './inbox/inbox.controller';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { Notifier } from './inbox/notifier';
import { PreferencesRepository } from './preferences/preferences.repository';
import { TasksController } from './tasks/tasks.controller';
import { TasksRepository } from './tasks/tasks.repository';
import { TasksService } from './tasks/tasks.service';

/**
 * Processing activities, their comments, tasks, and the notifications they cause: stored in-app
 * and emailed through MailerService (MailModule is global). Compose with `notificationsSchema`.
 */
@Module({
  imports: [UsersModule],
  controllers: [ProcessingActivitiesController, TasksController, InboxController],
  providers: [
    ActivitiesRepository,
    TasksRepository,
    InboxRepository,
    PreferencesRepository,
    Notifier,
    ProcessingActivitiesService,
    TasksService,
    InboxService,
  ],
})
export class NotificationsModule {}
