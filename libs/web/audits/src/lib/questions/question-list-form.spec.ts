import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { MAX_AUDIT_QUESTIONS } from '@mailroute/shared/contracts';
import { QuestionListForm } from './question-list-form';

function createForm(): QuestionListForm {
  return new QuestionListForm(TestBed.inject(NonNullableFormBuilder));
}

describe('QuestionListForm', () => {
  it('adds, reorders and removes questions, and sends them in their order with trimmed texts', () => {
    const form = createForm();
    form.add({ text: '  First?  ', kind: 'yes_no', required: true });
    form.add({ text: 'Second', kind: 'text', required: false });
    form.add({ text: 'Third', kind: 'text', required: true });

    form.move(2, -1);
    form.move(0, -1); // the first cannot move up
    expect(form.value().map((question) => question.text)).toEqual(['First?', 'Third', 'Second']);

    form.remove(0);
    expect(form.value()).toEqual([
      { text: 'Third', kind: 'text', required: true },
      { text: 'Second', kind: 'text', required: false },
    ]);
    expect(form.count()).toBe(2);
  });

  it('refuses an empty, blank or multi-line question', () => {
    const form = createForm();
    form.add();
    const text = form.array.at(0).controls.text;
    expect(text.hasError('required')).toBe(true);
    text.setValue('   ');
    expect(text.hasError('blank')).toBe(true);
    text.setValue('one\ntwo');
    expect(text.hasError('pattern')).toBe(true);
    text.setValue('Fine?');
    expect(form.array.valid).toBe(true);
  });

  it('stops at 50 questions', () => {
    const form = createForm();
    for (let index = 0; index < MAX_AUDIT_QUESTIONS + 3; index++) {
      form.add({ text: `Q${index}`, kind: 'text', required: false });
    }
    expect([form.count(), form.canAdd]).toEqual([MAX_AUDIT_QUESTIONS, false]);
  });

  it('puts the API’s reasons on the question they name and returns the others', () => {
    const form = createForm();
    form.load([
      { text: 'A', kind: 'text', required: true },
      { text: 'B', kind: 'yes_no', required: true },
    ]);
    const unplaced = form.applyServerErrors([
      { field: 'questions[1].text', reason: 'must not contain bidirectional control characters' },
      { field: 'questions[0].kind', reason: 'must be one of: text, yes_no' },
      { field: 'questions[7].text', reason: 'must not be empty' },
      { field: 'questions', reason: 'must hold at most 50 questions' },
    ]);
    expect(form.array.at(1).controls.text.errors).toEqual({
      server: 'must not contain bidirectional control characters',
    });
    expect(form.array.at(0).controls.kind.errors).toEqual({ server: 'must be one of: text, yes_no' });
    expect(form.array.at(0).controls.text.errors).toBeNull();
    expect(unplaced.map((error) => error.field)).toEqual(['questions[7].text', 'questions']);
  });

  it('loads an audit’s questions pristine', () => {
    const form = createForm();
    form.load([{ text: 'A', kind: 'text', required: true }]);
    expect([form.count(), form.array.dirty]).toEqual([1, false]);
    form.add();
    expect(form.array.dirty).toBe(true);
  });
});
