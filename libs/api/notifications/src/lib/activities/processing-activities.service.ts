import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  ActivityWatchersView,
  CommentView,
  Page,
  PersonView,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import {
  newId,
  NotFoundError,
  type OrganizationId,
  type PageQuery,
  pageWindow,
  type Principal,
  toPage,
  type User,
  UsersRepository,
} from '@mailroute/api/core';
import type { AddCommentDto } from '../dto/add-comment.dto';
import type { CreateProcessingActivityDto } from '../dto/create-processing-activity.dto';
import { Notifier } from '../inbox/notifier';
import { personView } from '../person-view';
import { ActivitiesRepository } from './activities.repository';
import { ActivityComment } from './activity-comment.entity';
import { ProcessingActivity } from './processing-activity.entity';

/** The register of processing activities and the conversation on each; watchers hear of new comments. */
@Injectable()
export class ProcessingActivitiesService {
  private readonly logger = new Logger('ProcessingActivitiesService');

  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly users: UsersRepository,
    private readonly notifier: Notifier,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, input: CreateProcessingActivityDto): Promise<ProcessingActivityView> {
    const activity = await this.dataSource.transaction(async (manager) => {
      const created = await this.activities.insert(
        Object.assign(new ProcessingActivity(), {
          id: newId(),
          organizationId: principal.organizationId,
          name: input.name.trim(),
          description: input.description,
          createdById: principal.userId,
          createdAt: new Date(),
        } satisfies Partial<ProcessingActivity>),
        manager,
      );
      await this.activities.watch(principal.organizationId, created.id, principal.userId, manager);
      return created;
    });
    const people = await this.users.findByIds(principal.organizationId, [principal.userId]);
    return activityView(activity, people);
  }

  async list(organizationId: OrganizationId, query: PageQuery): Promise<Page<ProcessingActivityView>> {
    const window = pageWindow(query);
    const { items, total } = await this.activities.page(organizationId, window);
    const people = await this.users.findByIds(
      organizationId,
      items.flatMap((activity) => (activity.createdById ? [activity.createdById] : [])),
    );
    return toPage(
      items.map((activity) => activityView(activity, people)),
      total,
      window,
    );
  }

  async get(organizationId: OrganizationId, id: string): Promise<ProcessingActivityDetail> {
    const activity = await this.activities.find(organizationId, id);
    if (!activity) {
      throw new NotFoundError('The processing activity');
    }
    const [comments, watcherIds] = await Promise.all([
      this.activities.comments(organizationId, id),
      this.activities.watcherIds(organizationId, id),
    ]);
    const people = await this.users.findByIds(organizationId, [
      ...(activity.createdById ? [activity.createdById] : []),
      ...comments.flatMap((comment) => (comment.authorId ? [comment.authorId] : [])),
      ...watcherIds,
    ]);
    return {
      ...activityView(activity, people),
      comments: comments.map((comment) => commentView(comment, people)),
      watchers: watcherIds.flatMap((userId) => personView(people, userId) ?? []),
    };
  }

  /**
   * Makes `userId` follow the activity, or stop following it (`following: false`). Both the
   * activity and the user must be of the caller's organization: another organization's are
   * unknown here (404). Who may change whom is the controller's rule (oneself, or an admin).
   */
  async setWatching(
    principal: Principal,
    activityId: string,
    userId: string,
    following: boolean,
  ): Promise<ActivityWatchersView> {
    const organizationId = principal.organizationId;
    const watcherIds = await this.dataSource.transaction(async (manager) => {
      if (!(await this.activities.find(organizationId, activityId, manager))) {
        throw new NotFoundError('The processing activity');
      }
      if (!(await this.users.findById(organizationId, userId, manager))) {
        throw new NotFoundError('The user');
      }
      if (following) {
        await this.activities.watch(organizationId, activityId, userId, manager);
      } else {
        await this.activities.unwatch(organizationId, activityId, userId, manager);
      }
      return this.activities.watcherIds(organizationId, activityId, manager);
    });
    this.logger.log({
      msg: following ? 'Watcher added' : 'Watcher removed',
      organizationId,
      activityId,
      userId,
      byUserId: principal.userId,
    });
    return { watchers: await this.people(organizationId, watcherIds) };
  }

  /**
   * Adds the comment, makes its author a watcher, and notifies every other watcher — all in one
   * transaction with the notification emails.
   */
  async comment(principal: Principal, activityId: string, input: AddCommentDto): Promise<CommentView> {
    const organizationId = principal.organizationId;
    const { comment, author, notified } = await this.dataSource.transaction(async (manager) => {
      const activity = await this.activities.find(organizationId, activityId, manager);
      if (!activity) {
        throw new NotFoundError('The processing activity');
      }
      const author = (await this.users.findById(organizationId, principal.userId, manager)) as User;
      const comment = await this.activities.insertComment(
        Object.assign(new ActivityComment(), {
          id: newId(),
          organizationId,
          activityId,
          authorId: author.id,
          body: input.body,
          createdAt: new Date(),
        } satisfies Partial<ActivityComment>),
        manager,
      );
      await this.activities.watch(organizationId, activityId, author.id, manager);
      const notifications = await this.notifier.notify(
        {
          kind: 'comment_added',
          organizationId,
          actor: author,
          recipientIds: await this.activities.watcherIds(organizationId, activityId, manager),
          activity,
          comment,
        },
        manager,
      );
      return { comment, author, notified: notifications.length };
    });
    this.logger.log({ msg: 'Comment added', organizationId, activityId, commentId: comment.id, notified });
    return commentView(comment, new Map([[author.id, author]]));
  }

  /** The users of `ids`, in that order; one removed from the organization since is left out. */
  private async people(organizationId: OrganizationId, ids: string[]): Promise<PersonView[]> {
    const people = await this.users.findByIds(organizationId, ids);
    return ids.flatMap((id) => personView(people, id) ?? []);
  }
}

function activityView(activity: ProcessingActivity, people: Map<string, User>): ProcessingActivityView {
  return {
    id: activity.id,
    name: activity.name,
    description: activity.description,
    createdBy: personView(people, activity.createdById),
    createdAt: activity.createdAt.toISOString(),
  };
}

function commentView(comment: ActivityComment, people: Map<string, User>): CommentView {
  return {
    id: comment.id,
    body: comment.body,
    author: personView(people, comment.authorId),
    createdAt: comment.createdAt.toISOString(),
  };
}
