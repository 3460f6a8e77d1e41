import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DataSubjectRequestView,
  Page,
} from '@mailroute/shared/contracts';
import {
  newId,
  NotFoundError,
  type OrganizationId,
  type PageQuery,
  pageWindow,
  type Principal,
  RequestValidationError,
  toPage,
} from '@mailroute/api/core';
import { type EmailDeliveries, EmailStatuses, MailerService } from '@mailroute/api/mail';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import type { CreateDataSubjectRequestDto } from './dto/create-data-subject-request.dto';
import type { SendDataSubjectMessageDto } from './dto/send-data-subject-message.dto';
import { DataSubjectRequestMessage } from './messages/data-subject-request-message.entity';
import { DataSubjectRequest } from './requests/data-subject-request.entity';
import { dueDateOf } from './requests/due-date';
import { dataSubjectMessageTemplate } from './templates/data-subject-message.template';

/** A receipt date a little ahead of the server's clock is tolerated (the sender's clock, a time zone). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The use cases of rights requests: record one, list them, read one with its thread, write to the data subject. */
@Injectable()
export class DataSubjectRequestsService {
  private readonly logger = new Logger('DataSubjectRequestsService');

  constructor(
    private readonly repository: DataSubjectRequestsRepository,
    private readonly mailer: MailerService,
    private readonly emailStatuses: EmailStatuses,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, input: CreateDataSubjectRequestDto): Promise<DataSubjectRequestView> {
    const now = new Date();
    const receivedAt = input.receivedAt === undefined ? now : new Date(input.receivedAt);
    if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new RequestValidationError([{ field: 'receivedAt', reason: 'must not be in the future' }]);
    }
    const request = await this.repository.insert(
      Object.assign(new DataSubjectRequest(), {
        id: newId(),
        organizationId: principal.organizationId,
        type: input.type,
        subjectName: input.subjectName.trim(),
        subjectEmail: input.subjectEmail.trim(),
        locale: input.locale ?? null,
        receivedAt,
        dueOn: dueDateOf(receivedAt),
        createdById: principal.userId,
        createdAt: now,
      } satisfies Partial<DataSubjectRequest>),
    );
    this.logger.log({
      msg: 'Data subject request recorded',
      organizationId: principal.organizationId,
      requestId: request.id,
      type: request.type,
    });
    return requestView(request);
  }

  async list(organizationId: OrganizationId, query: PageQuery): Promise<Page<DataSubjectRequestView>> {
    const window = pageWindow(query);
    const { items, total } = await this.repository.page(organizationId, window);
    return toPage(items.map(requestView), total, window);
  }

  async get(organizationId: OrganizationId, id: string): Promise<DataSubjectRequestDetail> {
    const request = await this.repository.find(organizationId, id);
    if (!request) {
      throw new NotFoundError('The data subject request');
    }
    const messages = await this.repository.thread(organizationId, id);
    const deliveries = await this.emailStatuses.of(
      organizationId,
      messages.map((message) => message.emailId),
    );
    return {
      ...requestView(request),
      messages: messages.map((message) => messageView(message, deliveries)),
    };
  }

  /**
   * Stores the message and queues its email in one transaction: both exist, or neither. The
   * reply address is the organization's route's (mail applies it when none is given here).
   */
  async sendMessage(
    principal: Principal,
    requestId: string,
    input: SendDataSubjectMessageDto,
  ): Promise<DataSubjectRequestMessageView> {
    const message = await this.dataSource.transaction(async (manager) => {
      const request = await this.repository.find(principal.organizationId, requestId, manager);
      if (!request) {
        throw new NotFoundError('The data subject request');
      }
      const emailId = await this.mailer.send(
        {
          organizationId: principal.organizationId,
          kind: 'dsr_message',
          to: request.subjectEmail,
          template: dataSubjectMessageTemplate,
          data: { reference: referenceOf(request), subjectName: request.subjectName, body: input.body },
          locale: request.locale,
        },
        manager,
      );
      return this.repository.insertMessage(
        Object.assign(new DataSubjectRequestMessage(), {
          id: newId(),
          organizationId: principal.organizationId,
          requestId: request.id,
          body: input.body,
          authorId: principal.userId,
          authorEmail: principal.email,
          emailId,
          createdAt: new Date(),
        } satisfies Partial<DataSubjectRequestMessage>),
        manager,
      );
    });
    this.logger.log({
      msg: 'Message to a data subject queued',
      organizationId: principal.organizationId,
      requestId,
      messageId: message.id,
      emailId: message.emailId,
    });
    return messageView(message, await this.emailStatuses.of(principal.organizationId, [message.emailId]));
  }
}

export function referenceOf(request: Pick<DataSubjectRequest, 'id'>): string {
  return `DSR-${request.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function requestView(request: DataSubjectRequest): DataSubjectRequestView {
  return {
    id: request.id,
    reference: referenceOf(request),
    type: request.type,
    subjectName: request.subjectName,
    subjectEmail: request.subjectEmail,
    locale: request.locale,
    receivedAt: request.receivedAt.toISOString(),
    dueOn: request.dueOn,
    createdAt: request.createdAt.toISOString(),
  };
}

function messageView(
  message: DataSubjectRequestMessage,
  deliveries: EmailDeliveries,
): DataSubjectRequestMessageView {
  return {
    id: message.id,
    body: message.body,
    author: { id: message.authorId, email: message.authorEmail },
    createdAt: message.createdAt.toISOString(),
    delivery: deliveries.get(message.emailId),
  };
}
