import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { newId, type OrganizationId, type Principal } from '@mailroute/api/core';
import { MAX_AUDIT_QUESTIONS, type QuestionInput, type QuestionView } from '@mailroute/shared/contracts';
import { AuditQuestion } from './audit-question.entity';
import { toQuestionView } from './audit-views';
import type { Audit } from './audit.entity';
import { AuditNotFoundError, AuditQuestionsLockedError, TooManyQuestionsError } from './audits-errors';
import { AuditsRepository } from './audits.repository';

/**
 * Changing an audit's questions after its creation, while no respondent has answered: answers
 * stay tied to the questions they answered. Each change locks the audit, as storing answers does.
 */
@Injectable()
export class AuditQuestionsService {
  private readonly logger = new Logger('AuditQuestionsService');

  constructor(
    private readonly audits: AuditsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The audit's questions become these, in this order; refused once a respondent has answered. */
  async replaceQuestions(
    principal: Principal,
    auditId: string,
    inputs: QuestionInput[],
  ): Promise<QuestionView[]> {
    const { organizationId } = principal;
    const questions = await this.dataSource.transaction(async (manager) => {
      await this.editableAudit(organizationId, auditId, manager);
      const replaced = newQuestions(organizationId, auditId, inputs, 0);
      await this.audits.replaceQuestions(organizationId, auditId, replaced, manager);
      return replaced;
    });
    this.logger.log(
      { organizationId, auditId, userId: principal.userId, questionCount: questions.length },
      'Audit questions replaced',
    );
    return questions.map(toQuestionView);
  }

  /** Adds a question after the others; refused once a respondent has answered. */
  async addQuestion(principal: Principal, auditId: string, input: QuestionInput): Promise<QuestionView> {
    const { organizationId } = principal;
    const question = await this.dataSource.transaction(async (manager) => {
      await this.editableAudit(organizationId, auditId, manager);
      const existing = await this.audits.listQuestions(organizationId, auditId, manager);
      if (existing.length >= MAX_AUDIT_QUESTIONS) {
        throw new TooManyQuestionsError(MAX_AUDIT_QUESTIONS);
      }
      const position = (existing.at(-1)?.position ?? -1) + 1;
      const added = newQuestion(organizationId, auditId, input, position);
      await this.audits.insertQuestions([added], manager);
      return added;
    });
    this.logger.log(
      { organizationId, auditId, questionId: question.id, userId: principal.userId },
      'Audit question added',
    );
    return toQuestionView(question);
  }

  /** The audit, locked against answers being stored meanwhile, while no one has answered it. */
  private async editableAudit(
    organizationId: OrganizationId,
    auditId: string,
    manager: EntityManager,
  ): Promise<Audit> {
    const audit = await this.audits.lockAudit(organizationId, auditId, manager);
    if (!audit) {
      throw new AuditNotFoundError();
    }
    if (await this.audits.hasAnswers(organizationId, auditId, manager)) {
      throw new AuditQuestionsLockedError();
    }
    return audit;
  }
}

/** A new question row of the audit at `position`. */
export function newQuestion(
  organizationId: OrganizationId,
  auditId: string,
  input: QuestionInput,
  position: number,
): AuditQuestion {
  return Object.assign(new AuditQuestion(), {
    id: newId(),
    organizationId,
    auditId,
    text: input.text,
    kind: input.kind,
    required: input.required,
    position,
  } satisfies AuditQuestion);
}

/** Question rows from inputs, numbered from `firstPosition` in the order given. */
export function newQuestions(
  organizationId: OrganizationId,
  auditId: string,
  inputs: readonly QuestionInput[],
  firstPosition: number,
): AuditQuestion[] {
  return inputs.map((input, index) => newQuestion(organizationId, auditId, input, firstPosition + index));
}
