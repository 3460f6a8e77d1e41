import {
  type AnswerInput,
  type AnswerValue,
  type FieldError,
  MAX_TEXT_ANSWER_LENGTH,
} from '@mailroute/shared/contracts';
import type { AuditQuestion } from './audit-question.entity';

/** A submission checked against the audit's questions. */
export type AnswerSheet =
  | { valid: true; answers: { question: AuditQuestion; value: AnswerValue }[] }
  | { valid: false; errors: FieldError[] };

/**
 * Whether `answers` answer these questions: each answer names a question of the audit, once, with
 * the value its kind asks for (a boolean for yes_no; for text, a string of 1..5000 characters once
 * trimmed, stored trimmed), and every required question is answered. Errors name the field the way
 * request validation does (`answers[2].value`), so the page can point at the question.
 */
export function checkAnswers(
  questions: readonly AuditQuestion[],
  answers: readonly AnswerInput[],
): AnswerSheet {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const answered = new Set<string>();
  const errors: FieldError[] = [];
  const accepted: { question: AuditQuestion; value: AnswerValue }[] = [];

  answers.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (!question) {
      errors.push({ field: `answers[${index}].questionId`, reason: 'is not a question of this audit' });
      return;
    }
    if (answered.has(question.id)) {
      errors.push({ field: `answers[${index}].questionId`, reason: 'is answered more than once' });
      return;
    }
    answered.add(question.id);
    const value = valueFor(question, answer.value);
    if (typeof value === 'object') {
      errors.push({ field: `answers[${index}].value`, reason: value.reason });
      return;
    }
    accepted.push({ question, value });
  });

  for (const question of questions) {
    if (question.required && !answered.has(question.id)) {
      errors.push({ field: 'answers', reason: `must answer the required question ${question.id}` });
    }
  }
  if (errors.length > 0) {
    return { valid: false, errors };
  }
  accepted.sort((a, b) => a.question.position - b.question.position);
  return { valid: true, answers: accepted };
}

function valueFor(question: AuditQuestion, value: AnswerValue): AnswerValue | { reason: string } {
  switch (question.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? value : { reason: 'must be true or false' };
    case 'text': {
      if (typeof value !== 'string') {
        return { reason: 'must be a text' };
      }
      const text = value.trim();
      if (text.length === 0) {
        return { reason: 'must not be empty' };
      }
      if (text.length > MAX_TEXT_ANSWER_LENGTH) {
        return { reason: `must be at most ${MAX_TEXT_ANSWER_LENGTH} characters` };
      }
      return text;
    }
  }
}
