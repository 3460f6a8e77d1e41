import { signal } from '@angular/core';
import {
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import {
  type FieldError,
  MAX_AUDIT_QUESTIONS,
  MAX_QUESTION_TEXT_LENGTH,
  type QuestionInput,
  type QuestionKind,
} from '@mailroute/shared/contracts';
import { applyFieldErrors } from '@mailroute/web/core';

export type QuestionGroup = FormGroup<{
  text: FormControl<string>;
  kind: FormControl<QuestionKind>;
  required: FormControl<boolean>;
}>;

/** The API refuses line breaks and control characters in a question (it is shown on one line, in emails too). */
const ONE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;

/**
 * An audit's questions as a typed FormArray: add, remove and move them; the order is the order
 * respondents see. Used to create an audit and to edit its questions until someone answers.
 */
export class QuestionListForm {
  readonly array: FormArray<QuestionGroup>;
  /** The list alone as a form's group, for a `<form [formGroup]>` that holds only the questions. */
  readonly group: FormGroup<{ questions: FormArray<QuestionGroup> }>;
  /** How many questions the list holds, for templates and `computed`s (a FormArray is not a signal). */
  readonly count = signal(0);
  readonly max = MAX_AUDIT_QUESTIONS;

  constructor(private readonly fb: NonNullableFormBuilder) {
    this.array = fb.array<QuestionGroup>([]);
    this.group = fb.group({ questions: this.array });
  }

  get canAdd(): boolean {
    return this.array.length < MAX_AUDIT_QUESTIONS;
  }

  /** Appends a question (an empty yes/no one, required, unless given). */
  add(question: QuestionInput = { text: '', kind: 'yes_no', required: true }): void {
    if (!this.canAdd) {
      return;
    }
    this.array.push(this.questionGroup(question));
    this.sync();
  }

  remove(index: number): void {
    this.array.removeAt(index);
    this.sync();
  }

  /** Moves the question at `index` by `offset` places (−1 up, +1 down), when it can move. */
  move(index: number, offset: -1 | 1): void {
    const target = index + offset;
    if (target < 0 || target >= this.array.length) {
      return;
    }
    const question = this.array.at(index);
    this.array.removeAt(index, { emitEvent: false });
    this.array.insert(target, question);
    this.array.markAsDirty();
  }

  /** Replaces the list with these questions, pristine. */
  load(questions: readonly QuestionInput[]): void {
    this.array.clear({ emitEvent: false });
    for (const question of questions) {
      this.array.push(this.questionGroup(question), { emitEvent: false });
    }
    this.array.updateValueAndValidity();
    this.array.markAsPristine();
    this.array.markAsUntouched();
    this.count.set(this.array.length);
  }

  /** The questions as the API takes them, in order, their text trimmed. */
  value(): QuestionInput[] {
    return this.array.getRawValue().map((question) => ({
      text: question.text.trim(),
      kind: question.kind,
      required: question.required,
    }));
  }

  /**
   * Puts the API's reasons (`questions[1].text`) on the question they name; returns those no
   * question shows (e.g. `questions` itself), for the page to show above the list.
   */
  applyServerErrors(errors: readonly FieldError[]): FieldError[] {
    return applyFieldErrors(this.group, errors);
  }

  /** Shows every question's own errors (on a submit). */
  markAllAsTouched(): void {
    this.array.markAllAsTouched();
  }

  private questionGroup(question: QuestionInput): QuestionGroup {
    return this.fb.group({
      text: this.fb.control(question.text, [
        Validators.required,
        Validators.maxLength(MAX_QUESTION_TEXT_LENGTH),
        Validators.pattern(ONE_LINE),
        notBlank,
      ]),
      kind: this.fb.control<QuestionKind>(question.kind),
      required: this.fb.control(question.required),
    });
  }

  private sync(): void {
    this.count.set(this.array.length);
    this.array.markAsDirty();
  }
}

/** Required, once trimmed: the API trims and refuses an empty question. */
export function notBlank(control: { value: unknown }): { blank: true } | null {
  return typeof control.value === 'string' && control.value.length > 0 && control.value.trim() === ''
    ? { blank: true }
    : null;
}
