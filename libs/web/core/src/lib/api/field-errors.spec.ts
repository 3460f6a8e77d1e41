import { HttpErrorResponse } from '@angular/common/http';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApiErrorBody } from '@mailroute/shared/contracts';
import type { TranslationKey } from '@mailroute/web/i18n';
import {
  apiFieldErrors,
  applyFieldErrors,
  fieldMessage,
  type FieldTexts,
  showFieldError,
} from './field-errors';

const key = (name: string) => name as TranslationKey;
const texts: FieldTexts = {
  required: key('x.required'),
  maxLength: key('x.maxLength'),
  byError: { email: key('x.email'), lineBreak: key('x.lineBreak') },
  server: key('x.server'),
  invalid: key('x.invalid'),
};

const answer = (status: number, body: Partial<ApiErrorBody> | null) =>
  new HttpErrorResponse({ status, error: body, url: '/api/things' });

describe('apiFieldErrors', () => {
  it('answers the fields a 400 names', () => {
    const errors = [{ field: 'name', reason: 'is required' }];
    expect(apiFieldErrors(answer(400, { statusCode: 400, code: 'validation_failed', errors }))).toEqual(
      errors,
    );
  });

  it('answers none for a 400 without fields, another status, or no HTTP answer', () => {
    expect(apiFieldErrors(answer(400, { statusCode: 400, code: 'bad_request', message: 'Bad id' }))).toEqual(
      [],
    );
    expect(
      apiFieldErrors(answer(409, { statusCode: 409, code: 'x', errors: [{ field: 'a', reason: 'b' }] })),
    ).toEqual([]);
    expect(apiFieldErrors(new Error('offline'))).toEqual([]);
  });
});

describe('applyFieldErrors', () => {
  const form = () =>
    new FormGroup({
      name: new FormControl('', { nonNullable: true }),
      locked: new FormControl({ value: '', disabled: true }, { nonNullable: true }),
      address: new FormGroup({ city: new FormControl('', { nonNullable: true }) }),
      lines: new FormArray([new FormControl('', { nonNullable: true })]),
    });

  it('puts each reason on the control it names, touched so it shows, nested ones by dotted path', () => {
    const group = form();
    const unplaced = applyFieldErrors(group, [
      { field: 'name', reason: 'is required' },
      { field: 'address.city', reason: 'is too long' },
      { field: 'lines.0', reason: 'must be on one line' },
    ]);
    expect(unplaced).toEqual([]);
    expect(group.controls.name.errors).toEqual({ server: 'is required' });
    expect(group.controls.name.touched).toBe(true);
    expect(group.controls.address.controls.city.errors).toEqual({ server: 'is too long' });
    expect(group.controls.lines.at(0).errors).toEqual({ server: 'must be on one line' });
  });

  it('answers the reasons no enabled control shows, and never looks past the form’s own controls', () => {
    const group = form();
    const errors = [
      { field: 'locked', reason: 'is read-only' },
      { field: 'owner', reason: 'should not exist' },
      { field: 'constructor', reason: 'should not exist' },
      { field: 'name.length', reason: 'should not exist' },
    ];
    expect(applyFieldErrors(group, errors)).toEqual(errors);
    expect(group.controls.locked.errors).toBeNull();
  });

  it('follows the API’s paths into lists (`questions[1].text`), and only to a field', () => {
    const question = (text: string) =>
      new FormGroup({ text: new FormControl(text, { nonNullable: true, validators: Validators.required }) });
    const group = new FormGroup({ questions: new FormArray([question('a'), question('')]) });
    const errors = [
      { field: 'questions[1].text', reason: 'should not be empty' },
      { field: 'questions', reason: 'must contain at least 1 element' },
      { field: 'questions[1]', reason: 'must be an object' },
      { field: 'questions[2].text', reason: 'should not be empty' },
      { field: 'questions[1].text[0]', reason: 'is odd' },
      { field: 'questions[x].text', reason: 'is odd' },
    ];

    expect(applyFieldErrors(group, errors)).toEqual(errors.slice(1));
    const text = group.controls.questions.at(1).controls.text;
    expect([text.errors, text.touched]).toEqual([{ required: true, server: 'should not be empty' }, true]);
    expect(group.controls.questions.errors).toBeNull();
  });

  it('shows one reason a feature places itself beside the field’s own errors', () => {
    const field = new FormControl('', { nonNullable: true, validators: Validators.required });
    showFieldError(field, 'is required');
    expect([field.errors, field.touched]).toEqual([{ required: true, server: 'is required' }, true]);
  });

  it('lets the reason go once the value changes', () => {
    const group = form();
    applyFieldErrors(group, [{ field: 'name', reason: 'is taken' }]);
    group.controls.name.setValue('Another');
    expect(group.controls.name.errors).toBeNull();
  });
});

describe('fieldMessage', () => {
  const control = (value: string, validators = [Validators.required, Validators.maxLength(3)]) => {
    const field = new FormControl(value, { nonNullable: true, validators });
    field.markAsTouched();
    return field;
  };

  it('says nothing while the field is valid, or untouched and unchanged', () => {
    expect(fieldMessage(control('abc'), texts)).toBeNull();
    expect(fieldMessage(new FormControl('', { validators: [Validators.required] }), texts)).toBeNull();
  });

  it('names a missing or blank value, then a too long one with its maximum', () => {
    expect(fieldMessage(control(''), texts)).toEqual({ key: 'x.required' });
    const blank = control('  ');
    blank.setErrors({ blank: true });
    expect(fieldMessage(blank, texts)).toEqual({ key: 'x.required' });
    expect(fieldMessage(blank, { ...texts, blank: key('x.blank') })).toEqual({ key: 'x.blank' });
    expect(fieldMessage(control('abcd'), texts)).toEqual({ key: 'x.maxLength', params: { max: 3 } });
  });

  it('uses the feature’s text for its own validators, in the order it gives', () => {
    const field = control('a\nb');
    field.setErrors({ lineBreak: true, email: true });
    expect(fieldMessage(field, texts)).toEqual({ key: 'x.email' });
  });

  it('shows the API’s reason after the browser’s own checks, and a plain text for anything else', () => {
    const field = control('abc');
    field.setErrors({ server: 'is taken' });
    expect(fieldMessage(field, texts)).toEqual({ key: 'x.server', params: { reason: 'is taken' } });
    field.setErrors({ min: { min: 1, actual: 0 } });
    expect(fieldMessage(field, texts)).toEqual({ key: 'x.invalid' });
  });
});
