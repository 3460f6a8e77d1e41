import type {
  AnswerValue,
  AnswerView,
  AuditView,
  QuestionView,
  RespondentStatus,
  RespondentView,
} from '@mailroute/shared/contracts';
import type { AuditAnswer } from './audit-answer.entity';
import type { AuditQuestion } from './audit-question.entity';
import type { AuditRespondent } from './audit-respondent.entity';
import type { Audit } from './audit.entity';
import type { AuditCounts } from './audits.repository';

export function toAuditView(audit: Audit, counts: AuditCounts): AuditView {
  return {
    id: audit.id,
    title: audit.title,
    dueDate: audit.dueDate,
    createdAt: audit.createdAt.toISOString(),
    createdById: audit.createdById,
    questionCount: counts.questions,
    respondentCount: counts.respondents,
    answeredCount: counts.answered,
  };
}

export function toQuestionView(question: AuditQuestion): QuestionView {
  return {
    id: question.id,
    text: question.text,
    kind: question.kind,
    required: question.required,
    position: question.position,
  };
}

export function respondentStatus(respondent: AuditRespondent): RespondentStatus {
  if (respondent.answeredAt !== null) {
    return 'answered';
  }
  return respondent.reminderCount > 0 ? 'reminded' : 'invited';
}

export function toRespondentView(respondent: AuditRespondent): RespondentView {
  return {
    id: respondent.id,
    email: respondent.email,
    name: respondent.name,
    locale: respondent.locale,
    status: respondentStatus(respondent),
    invitedAt: respondent.invitedAt.toISOString(),
    lastRemindedAt: respondent.lastRemindedAt?.toISOString() ?? null,
    reminderCount: respondent.reminderCount,
    answeredAt: respondent.answeredAt?.toISOString() ?? null,
    linkExpiresAt: respondent.tokenExpiresAt.toISOString(),
  };
}

/** The stored JSON of an answer's value (see AuditAnswer.value). */
export function encodeAnswerValue(value: AnswerValue): string {
  return JSON.stringify(value);
}

/** A respondent's answers in the order of the questions. */
export function toAnswerViews(answers: AuditAnswer[], questions: AuditQuestion[]): AnswerView[] {
  const position = new Map(questions.map((question) => [question.id, question.position]));
  return [...answers]
    .sort((a, b) => (position.get(a.questionId) ?? 0) - (position.get(b.questionId) ?? 0))
    .map((answer) => ({ questionId: answer.questionId, value: JSON.parse(answer.value) as AnswerValue }));
}
