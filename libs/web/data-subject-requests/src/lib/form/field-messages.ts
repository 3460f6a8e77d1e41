import type { AbstractControl, FormGroup } from '@angular/forms';
import type { FieldError } from '@mailroute/shared/contracts';
import type { TranslationKey, TranslationParams } from '@mailroute/web/i18n';

export interface FieldMessage {
  key: TranslationKey;
  params?: TranslationParams;
}

/**
 * Puts the API's 400 reasons on the fields of `group` (the API names them as the form does);
 * returns the reasons no field shows, for the form's own notice.
 */
export function applyServerErrors(group: FormGroup, errors: readonly FieldError[]): FieldError[] {
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const control = group.get(error.field);
    if (control === null || control.disabled) {
      unplaced.push(error);
      continue;
    }
    control.setErrors({ ...control.errors, server: error.reason });
    control.markAsTouched();
  }
  return unplaced;
}

/** The first problem of a touched control, as a translatable message; the API's own reason last. */
export function fieldMessage(control: AbstractControl): FieldMessage | null {
  const errors = control.errors;
  if (errors === null || !(control.touched || control.dirty)) {
    return null;
  }
  if (errors['required'] || errors['blank']) {
    return { key: 'dataSubjectRequests.error.required' };
  }
  const maxLength: unknown = errors['maxlength'];
  if (typeof maxLength === 'object' && maxLength !== null && 'requiredLength' in maxLength) {
    return { key: 'dataSubjectRequests.error.maxLength', params: { max: Number(maxLength.requiredLength) } };
  }
  if (errors['email']) {
    return { key: 'dataSubjectRequests.error.email' };
  }
  if (errors['lineBreak']) {
    return { key: 'dataSubjectRequests.error.lineBreak' };
  }
  if (errors['future']) {
    return { key: 'dataSubjectRequests.error.future' };
  }
  const server: unknown = errors['server'];
  if (typeof server === 'string') {
    return { key: 'dataSubjectRequests.error.server', params: { reason: server } };
  }
  return { key: 'dataSubjectRequests.error.invalid' };
}

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
