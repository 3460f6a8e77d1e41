import type { AbstractControl } from '@angular/forms';
import type { TranslationKey, TranslationParams } from '@mailroute/web/i18n';

export interface FieldMessage {
  key: TranslationKey;
  params?: TranslationParams;
}

/**
 * What to say under a field of this feature's forms, or null while it is valid or untouched.
 * The API's own reason (`server`, set from a 400's field errors) comes first: it is why the last
 * submit was refused.
 */
export function fieldMessage(
  control: AbstractControl,
  requiredKey: TranslationKey = 'audits.error.required',
): FieldMessage | null {
  const errors = control.errors;
  if (errors === null || !control.invalid || !(control.touched || control.dirty)) {
    return null;
  }
  if (typeof errors['server'] === 'string') {
    return { key: 'audits.error.server', params: { reason: errors['server'] } };
  }
  if (errors['required']) {
    return { key: requiredKey };
  }
  if (errors['blank']) {
    return { key: 'audits.error.blank' };
  }
  if (errors['maxlength']) {
    const max = (errors['maxlength'] as { requiredLength: number }).requiredLength;
    return { key: 'audits.error.maxLength', params: { max } };
  }
  if (errors['pattern']) {
    return { key: 'audits.error.oneLine' };
  }
  if (errors['email']) {
    return { key: 'audits.error.email' };
  }
  if (errors['pastDate']) {
    return { key: 'audits.error.pastDate' };
  }
  return { key: 'audits.error.invalid' };
}
