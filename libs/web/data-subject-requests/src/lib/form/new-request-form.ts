import type { AbstractControl, NonNullableFormBuilder } from '@angular/forms';
import { Validators } from '@angular/forms';
import {
  type CreateDataSubjectRequestInput,
  DATA_SUBJECT_REQUEST_LIMITS as LIMITS,
  type DataSubjectRequestType,
  type Locale,
} from '@mailroute/shared/contracts';
import { notBlank, oneLine } from './field-messages';

/** `YYYY-MM-DD` of the browser's today. */
export function todayOf(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A receipt date after today (a date input holds `YYYY-MM-DD`, so text order is date order). */
export function notAfter(today: () => string) {
  return (control: AbstractControl<string>): { future: true } | null =>
    control.value !== '' && control.value > today() ? { future: true } : null;
}

export function newRequestForm(fb: NonNullableFormBuilder, today: () => string) {
  return fb.group({
    type: fb.control<DataSubjectRequestType | null>(null, [Validators.required]),
    subjectName: fb.control('', [
      Validators.required,
      notBlank,
      oneLine,
      Validators.maxLength(LIMITS.subjectNameLength),
    ]),
    subjectEmail: fb.control('', [
      Validators.required,
      Validators.email,
      Validators.maxLength(LIMITS.addressLength),
    ]),
    /** Empty: the organization's language. */
    locale: fb.control<Locale | ''>(''),
    /** Empty: now. */
    receivedAt: fb.control('', [notAfter(today)]),
  });
}

export type NewRequestForm = ReturnType<typeof newRequestForm>;

/** The request body: optional fields left out when empty, so the API applies its defaults. */
export function toNewRequest(form: NewRequestForm): CreateDataSubjectRequestInput {
  const value = form.getRawValue();
  if (value.type === null) {
    throw new Error('toNewRequest needs a valid form');
  }
  return {
    type: value.type,
    subjectName: value.subjectName.trim(),
    subjectEmail: value.subjectEmail.trim(),
    ...(value.locale === '' ? {} : { locale: value.locale }),
    ...(value.receivedAt === '' ? {} : { receivedAt: value.receivedAt }),
  };
}
