import { checkAnswers } from './answer-sheet';
import { AuditQuestion } from './audit-question.entity';

const question = (id: string, kind: 'text' | 'yes_no', required: boolean, position: number) =>
  Object.assign(new AuditQuestion(), {
    id,
    organizationId: 'org',
    auditId: 'audit',
    text: `Question ${id}`,
    kind,
    required,
    position,
  });

const questions = [question('q-text', 'text', true, 0), question('q-yes', 'yes_no', false, 1)];

describe('checkAnswers', () => {
  it('accepts every required question answered, in question order, text trimmed', () => {
    const sheet = checkAnswers(questions, [
      { questionId: 'q-yes', value: false },
      { questionId: 'q-text', value: '  We do.  ' },
    ]);

    expect(sheet).toEqual({
      valid: true,
      answers: [
        { question: questions[0], value: 'We do.' },
        { question: questions[1], value: false },
      ],
    });
  });

  it('accepts an optional question left out', () => {
    expect(checkAnswers(questions, [{ questionId: 'q-text', value: 'Yes' }]).valid).toBe(true);
  });

  it('names the missing required question', () => {
    expect(checkAnswers(questions, [{ questionId: 'q-yes', value: true }])).toEqual({
      valid: false,
      errors: [{ field: 'answers', reason: 'must answer the required question q-text' }],
    });
  });

  it('refuses unknown and repeated questions at their index', () => {
    expect(
      checkAnswers(questions, [
        { questionId: 'q-text', value: 'A' },
        { questionId: 'elsewhere', value: 'B' },
        { questionId: 'q-text', value: 'C' },
      ]),
    ).toEqual({
      valid: false,
      errors: [
        { field: 'answers[1].questionId', reason: 'is not a question of this audit' },
        { field: 'answers[2].questionId', reason: 'is answered more than once' },
      ],
    });
  });

  it.each([
    ['q-yes', 'yes', 'must be true or false'],
    ['q-text', true, 'must be a text'],
    ['q-text', '   ', 'must not be empty'],
    ['q-text', 'x'.repeat(5001), 'must be at most 5000 characters'],
  ])('refuses %s answered with %j: %s', (questionId, value, reason) => {
    const answers = [{ questionId, value }];
    if (questionId !== 'q-text') {
      answers.push({ questionId: 'q-text', value: 'fine' });
    }
    expect(checkAnswers(questions, answers)).toEqual({
      valid: false,
      errors: [{ field: 'answers[0].value', reason }],
    });
  });

  it('accepts a text of exactly 5000 characters', () => {
    expect(checkAnswers(questions, [{ questionId: 'q-text', value: 'x'.repeat(5000) }]).valid).toBe(true);
  });
});
