import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { questions } from '../testing/audit-fixtures';
import { AnswerForm } from './answer-form';

function createForm(): AnswerForm {
  return new AnswerForm(TestBed.inject(NonNullableFormBuilder), questions);
}

describe('AnswerForm', () => {
  it('requires the required questions, a blank text counting as no answer', () => {
    const form = createForm();
    expect(form.array.controls.map((control) => control.hasError('required'))).toEqual([true, true, false]);
    form.control(1).setValue('   ');
    expect(form.control(1).hasError('required')).toBe(true);
    form.control(0).setValue(false);
    form.control(1).setValue('Grace');
    expect(form.array.valid).toBe(true);
  });

  it('sends every answered question, trimmed, and leaves an empty optional one out', () => {
    const form = createForm();
    form.control(0).setValue(false);
    form.control(1).setValue('  Grace Hopper ');
    form.control(2).setValue('  ');
    expect(form.value()).toEqual([
      { questionId: 'q-1', value: false },
      { questionId: 'q-2', value: 'Grace Hopper' },
    ]);
  });

  it('puts answers[i] back on the question sent at i, and a missing required question on that question', () => {
    const form = createForm();
    form.control(0).setValue(true);
    form.control(2).setValue('More');
    form.value(); // sent: q-1 at 0, q-3 at 1
    const unplaced = form.applyServerErrors([
      { field: 'answers[1].value', reason: 'must be at most 5000 characters' },
      { field: 'answers', reason: 'must answer the required question q-2' },
      { field: 'answers[0].questionId', reason: 'is answered more than once' },
      { field: 'answers', reason: 'must hold at most 50 answers' },
    ]);
    expect(form.control(2).errors).toEqual({ server: 'must be at most 5000 characters' });
    expect(form.control(1).errors).toEqual({
      required: true,
      server: 'must answer the required question q-2',
    });
    expect(form.control(0).errors).toEqual({ server: 'is answered more than once' });
    expect(unplaced).toEqual([{ field: 'answers', reason: 'must hold at most 50 answers' }]);
  });
});
