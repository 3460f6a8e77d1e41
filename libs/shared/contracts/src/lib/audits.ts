import type { Locale } from './locale';

/** What a question asks for: free text, or yes or no. */
export const QUESTION_KINDS = ['text', 'yes_no'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Questions an audit holds at most. */
export const MAX_AUDIT_QUESTIONS = 50;
/** Length bounds of a question's text (after trimming). */
export const MAX_QUESTION_TEXT_LENGTH = 500;
/** Length bounds of a text answer (after trimming); a text answer is never empty. */
export const MAX_TEXT_ANSWER_LENGTH = 5000;

/**
 * Where a respondent is: `invited` (their first email), `reminded` (at least one reminder since),
 * `answered` (their answers are in; they can no longer be reminded or answer again).
 */
export const RESPONDENT_STATUSES = ['invited', 'reminded', 'answered'] as const;
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number];

/** A yes_no question is answered with a boolean, a text question with a string. */
export type AnswerValue = boolean | string;

/** A question as sent to create an audit or replace its questions; its position is its index. */
export interface QuestionInput {
  /** 1..500 characters once trimmed, on one line. */
  text: string;
  kind: QuestionKind;
  required: boolean;
}

/** `POST /api/audits`. */
export interface CreateAuditInput {
  title: string;
  /** `YYYY-MM-DD`, today or later. */
  dueDate?: string | null;
  /** At most 50; none when omitted. */
  questions?: QuestionInput[];
}

/** `PUT /api/audits/:id/questions`: the whole list, allowed until a respondent has answered. */
export interface ReplaceQuestionsInput {
  questions: QuestionInput[];
}

export interface QuestionView {
  id: string;
  text: string;
  kind: QuestionKind;
  required: boolean;
  /** 0-based order in the audit. */
  position: number;
}

/** One answer of `POST /api/audit-responses/:token`. */
export interface AnswerInput {
  questionId: string;
  value: AnswerValue;
}

/** `POST /api/audit-responses/:token`: every required question once, no other question. */
export interface SubmitAnswersInput {
  answers: AnswerInput[];
}

export interface AnswerView {
  questionId: string;
  value: AnswerValue;
}

/** One line of `GET /api/audits` (a `Page<AuditView>`). */
export interface AuditView {
  id: string;
  title: string;
  /** `YYYY-MM-DD`, or null. */
  dueDate: string | null;
  createdAt: string;
  /** The user who created the audit (told by email when a respondent answers); null if unknown. */
  createdById: string | null;
  questionCount: number;
  respondentCount: number;
  answeredCount: number;
}

/** A respondent as the organization sees them (never their link's token). */
export interface RespondentView {
  id: string;
  email: string;
  name: string | null;
  locale: Locale | null;
  status: RespondentStatus;
  invitedAt: string;
  lastRemindedAt: string | null;
  reminderCount: number;
  answeredAt: string | null;
  /** When their current link stops working. */
  linkExpiresAt: string;
}

/** A respondent in the audit's detail, with their answers for those who may read them. */
export interface RespondentDetailView extends RespondentView {
  /** In question order; null until they answer, or when the reader may not read answers. */
  answers: AnswerView[] | null;
}

/** `GET /api/audits/:id`. */
export interface AuditDetailView extends AuditView {
  questions: QuestionView[];
  /** Whether the reader may read answers: the organization's admins and the audit's creator. */
  canReadAnswers: boolean;
  respondents: RespondentDetailView[];
}

/** What the holder of a respondent's link sees (`GET /api/audit-responses/:token`). */
export interface RespondentAccessView {
  auditTitle: string;
  dueDate: string | null;
  organizationName: string;
  respondent: { email: string; name: string | null };
  /** The language of the emails this respondent gets; the page starts in it unless the visitor chose one. */
  locale: Locale;
  linkExpiresAt: string;
  questions: QuestionView[];
  /** When they answered; null while they have not. */
  answeredAt: string | null;
  /** Their own answers once given, in question order; null before. */
  answers: AnswerView[] | null;
}
