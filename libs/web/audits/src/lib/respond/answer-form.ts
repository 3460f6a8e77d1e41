import {
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  type AnswerInput,
  type AnswerValue,
  type FieldError,
  MAX_TEXT_ANSWER_LENGTH,
  type QuestionView,
} from '@mailroute/shared/contracts';
import { showFieldError } from '@mailroute/web/core';
import { notBlank } from '../questions/question-list-form';

/** One control per question, in question order: a boolean for yes/no, a text for text. */
export type AnswerControl = FormControl<AnswerValue | null>;

const ANSWER_FIELD = /^answers\[(\d+)\]\.(value|questionId)$/;

/**
 * A respondent's answers to an audit's questions. Required questions must be answered (a text
 * answer is never blank); an optional question left empty is not sent, because the API refuses an
 * empty text. The API's field errors name the answer by its index in the request
 * (`answers[1].value`), or name the list with the required question's id in the reason: both are
 * put back on the question they are about.
 */
export class AnswerForm {
  readonly array: FormArray<AnswerControl>;
  /** The answers as a form's group, for `<form [formGroup]>`. */
  readonly group: FormGroup<{ answers: FormArray<AnswerControl> }>;
  /** The request's answer at index i answered `sent[i]`: to read `answers[i]` back. */
  private sent: string[] = [];

  constructor(
    fb: NonNullableFormBuilder,
    readonly questions: readonly QuestionView[],
  ) {
    this.array = fb.array<AnswerControl>(
      questions.map((question) => fb.control<AnswerValue | null>(null, validatorsFor(question))),
    );
    this.group = fb.group({ answers: this.array });
  }

  control(index: number): AnswerControl {
    return this.array.at(index);
  }

  /** The answers as the API takes them: every answered question, text trimmed, in question order. */
  value(): AnswerInput[] {
    const answers: AnswerInput[] = [];
    this.questions.forEach((question, index) => {
      const value = this.control(index).value;
      if (value === null || (typeof value === 'string' && value.trim() === '')) {
        return;
      }
      answers.push({ questionId: question.id, value: typeof value === 'string' ? value.trim() : value });
    });
    this.sent = answers.map((answer) => answer.questionId);
    return answers;
  }

  /** Puts the API's reasons on their questions; returns the reasons no question shows. */
  applyServerErrors(errors: readonly FieldError[]): FieldError[] {
    const unplaced: FieldError[] = [];
    for (const error of errors) {
      const index = this.questionIndexOf(error);
      const control = index === null ? undefined : this.array.at(index);
      if (control === undefined) {
        unplaced.push(error);
        continue;
      }
      showFieldError(control, error.reason);
    }
    return unplaced;
  }

  private questionIndexOf(error: FieldError): number | null {
    const match = ANSWER_FIELD.exec(error.field);
    if (match) {
      const questionId = this.sent[Number(match[1])];
      const index = this.questions.findIndex((question) => question.id === questionId);
      return index < 0 ? null : index;
    }
    if (error.field === 'answers') {
      // "must answer the required question <id>"
      const index = this.questions.findIndex((question) => error.reason.includes(question.id));
      return index < 0 ? null : index;
    }
    return null;
  }
}

function validatorsFor(question: QuestionView): ValidatorFn[] {
  const validators: ValidatorFn[] = question.required ? [Validators.required, notBlankAnswer] : [];
  return question.kind === 'text'
    ? [...validators, Validators.maxLength(MAX_TEXT_ANSWER_LENGTH)]
    : validators;
}

/** A required text answer of spaces only is no answer: said as "required". */
const notBlankAnswer: ValidatorFn = (control) => (notBlank(control) ? { required: true } : null);
