import type { AbstractControl } from '@angular/forms';
import type { FieldTexts } from '@mailroute/web/core';

/** What this feature says under a field (see fieldMessage of web/core), its own validators included. */
export const REQUEST_FIELD_TEXTS: FieldTexts = {
  required: 'dataSubjectRequests.error.required',
  maxLength: 'dataSubjectRequests.error.maxLength',
  byError: {
    email: 'dataSubjectRequests.error.email',
    lineBreak: 'dataSubjectRequests.error.lineBreak',
    future: 'dataSubjectRequests.error.future',
  },
  server: 'dataSubjectRequests.error.server',
  invalid: 'dataSubjectRequests.error.invalid',
};

/** Text with something visible in it (the API refuses blank names and bodies). */
export function notBlank(control: AbstractControl<string>): { blank: true } | null {
  return control.value.trim() === '' ? { blank: true } : null;
}

/** One line: the name is shown as is in the email's greeting. */
export function oneLine(control: AbstractControl<string>): { lineBreak: true } | null {
  return /[\r\n]/.test(control.value) ? { lineBreak: true } : null;
}

/** Focuses the first invalid field of the form element, so a keyboard or screen reader user lands on it. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')?.focus();
}
