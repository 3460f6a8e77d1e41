import type { AbstractControl, FormGroup } from '@angular/forms';
import type { FieldError } from '@mailroute/shared/contracts';
import type { TranslationKey, TranslationParams } from '@mailroute/web/i18n';

export interface FieldMessage {
  key: TranslationKey;
  params?: TranslationParams;
}

/** Puts the API's 400 reasons on the fields of `group`; returns those no field shows. */
export function applyFieldErrors(group: FormGroup, errors: readonly FieldError[]): FieldError[] {
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const control = Object.prototype.hasOwnProperty.call(group.controls, error.field)
      ? group.controls[error.field]
      : undefined;
    if (control === undefined || control.disabled) {
      unplaced.push(error);
      continue;
    }
    control.setErrors({ ...control.errors, server: error.reason });
    control.markAsTouched();
  }
  return unplaced;
}

/** The message under a field: null while it is valid or untouched; the API's own reason last. */
export function fieldMessage(control: AbstractControl): FieldMessage | null {
  const errors = control.errors;
  if (errors === null || !(control.touched || control.dirty)) {
    return null;
  }
  if (errors['required']) {
    return { key: 'tasks.error.required' };
  }
  const maxLength: unknown = errors['maxlength'];
  if (typeof maxLength === 'object' && maxLength !== null && 'requiredLength' in maxLength) {
    return { key: 'tasks.error.maxLength', params: { max: Number(maxLength.requiredLength) } };
  }
  const server: unknown = errors['server'];
  return { key: 'tasks.error.server', params: { reason: typeof server === 'string' ? server : '' } };
}
