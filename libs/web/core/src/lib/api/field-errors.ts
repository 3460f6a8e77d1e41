import { HttpErrorResponse } from '@angular/common/http';
import { type AbstractControl, FormArray, FormControl, FormGroup } from '@angular/forms';
import type { FieldError } from '@mailroute/shared/contracts';
import type { TranslationKey, TranslationParams } from '@mailroute/web/i18n';
import { apiErrorBody } from './api-error';

/** The field errors of a 400 answer (`errors: [{ field, reason }]`), else an empty list. */
export function apiFieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) {
    return [];
  }
  return apiErrorBody(error)?.errors ?? [];
}

/**
 * Puts each of the API's 400 reasons on the field it names (the API names fields as the form
 * does, a nested one by its path: `questions[1].text`, or `lines.0`) as a `server` error, shown
 * at once. Answers the reasons no enabled field shows (a group or a list has no field of its own,
 * e.g. `questions`), for the form's own notice. The error goes when the value changes: the
 * control's validators run again.
 */
export function applyFieldErrors(form: FormGroup, errors: readonly FieldError[]): FieldError[] {
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const control = controlAt(form, error.field);
    if (!(control instanceof FormControl) || control.disabled) {
      unplaced.push(error);
      continue;
    }
    showFieldError(control, error.reason);
  }
  return unplaced;
}

/**
 * Shows one of the API's reasons on a field: a `server` error beside the field's own, touched so
 * it shows at once. For the reasons a feature places itself (applyFieldErrors places the others).
 */
export function showFieldError(control: AbstractControl, reason: string): void {
  control.setErrors({ ...control.errors, server: reason });
  control.markAsTouched();
}

/** A message for people: a key of the feature's texts and the values it fills in. */
export interface FieldMessage {
  key: TranslationKey;
  params?: TranslationParams;
}

/** A feature's texts for what can be wrong with a field. */
export interface FieldTexts {
  /** `Validators.required`, and a `blank` error (only spaces) unless `blank` is given. */
  required: TranslationKey;
  /** A `blank` error (only spaces), when the feature says it apart from `required`. */
  blank?: TranslationKey;
  /** `Validators.maxLength`; `{max}` is filled in. */
  maxLength: TranslationKey;
  /** The feature's own validators, by error name (e.g. `{ email: 'x.error.email' }`), in this order. */
  byError?: Readonly<Record<string, TranslationKey>>;
  /** The API's reason (see applyFieldErrors); `{reason}` is filled in. */
  server: TranslationKey;
  /** Any other error. */
  invalid: TranslationKey;
}

/**
 * The message under a field: null while it is valid, or untouched and unchanged (nothing is said
 * before the person had a chance); the first problem otherwise, the API's own reason after the
 * checks made in the browser.
 */
export function fieldMessage(control: AbstractControl, texts: FieldTexts): FieldMessage | null {
  const errors = control.errors;
  if (errors === null || !(control.touched || control.dirty)) {
    return null;
  }
  if (errors['required']) {
    return { key: texts.required };
  }
  if (errors['blank']) {
    return { key: texts.blank ?? texts.required };
  }
  const maxLength: unknown = errors['maxlength'];
  if (typeof maxLength === 'object' && maxLength !== null && 'requiredLength' in maxLength) {
    return { key: texts.maxLength, params: { max: Number(maxLength.requiredLength) } };
  }
  for (const [name, key] of Object.entries(texts.byError ?? {})) {
    if (errors[name]) {
      return { key };
    }
  }
  const server: unknown = errors['server'];
  if (typeof server === 'string') {
    return { key: texts.server, params: { reason: server } };
  }
  return { key: texts.invalid };
}

/** One step of a field's path: `questions[1]` is `questions`, then index 1. */
const PATH_SEGMENT = /^([^[\]]+)((?:\[\d+\])*)$/;

/**
 * The control at a field's path (`a.b[0].c`, as the API names nested fields; `a.0` too), looking
 * only at the form's own controls: a field the API names (`constructor`, `__proto__`…) never
 * reaches an object's prototype.
 */
function controlAt(form: FormGroup, path: string): AbstractControl | null {
  let control: AbstractControl | null = form;
  for (const segment of path.split('.')) {
    const match = PATH_SEGMENT.exec(segment);
    if (match === null) {
      return null;
    }
    const indices = [...match[2].matchAll(/\d+/g)].map(([index]) => index);
    for (const step of [match[1], ...indices]) {
      control = child(control, step);
      if (control === null) {
        return null;
      }
    }
  }
  return control;
}

function child(control: AbstractControl, name: string): AbstractControl | null {
  const children: Record<string, AbstractControl> | AbstractControl[] | null =
    control instanceof FormGroup || control instanceof FormArray ? control.controls : null;
  if (children === null || !Object.prototype.hasOwnProperty.call(children, name)) {
    return null;
  }
  return (children as Record<string, AbstractControl>)[name];
}
