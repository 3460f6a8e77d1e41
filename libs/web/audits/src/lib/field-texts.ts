import type { AbstractControl } from '@angular/forms';
import { type FieldMessage, fieldMessage, type FieldTexts } from '@mailroute/web/core';

/** What this feature's forms say under a field (see fieldMessage of web/core), its own validators included. */
export const AUDIT_FIELD_TEXTS: FieldTexts = {
  required: 'audits.error.required',
  blank: 'audits.error.blank',
  maxLength: 'audits.error.maxLength',
  byError: {
    pattern: 'audits.error.oneLine',
    email: 'audits.error.email',
    pastDate: 'audits.error.pastDate',
  },
  server: 'audits.error.server',
  invalid: 'audits.error.invalid',
};

/** Under a respondent's answer: "an answer is required" rather than the forms' "fill in this field". */
export const ANSWER_FIELD_TEXTS: FieldTexts = {
  ...AUDIT_FIELD_TEXTS,
  required: 'audits.error.answerRequired',
};

/** The message under a field of this feature's forms, or null while it is valid or untouched. */
export function auditFieldMessage(control: AbstractControl): FieldMessage | null {
  return fieldMessage(control, AUDIT_FIELD_TEXTS);
}
