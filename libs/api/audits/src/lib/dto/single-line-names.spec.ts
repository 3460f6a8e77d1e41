import { fieldErrorsOf } from '@mailroute/api/core/testing';
import { AddRespondentDto } from './add-respondent.dto';
import { CreateAuditDto } from './create-audit.dto';
import { ReplaceQuestionsDto } from './question.dto';

describe('audit titles, respondent names and question texts', () => {
  const cases = [
    ['an audit’s title', CreateAuditDto, (text: string) => ({ title: text }), 'title'],
    [
      'a respondent’s name',
      AddRespondentDto,
      (text: string) => ({ email: 'dpo@example.test', name: text }),
      'name',
    ],
    [
      'a question’s text',
      ReplaceQuestionsDto,
      (text: string) => ({ questions: [{ text, kind: 'yes_no', required: true }] }),
      'questions[0].text',
    ],
  ] as const;

  it.each(cases)('refuses a line break in %s, naming the field', async (_, dto, body, field) => {
    expect(await fieldErrorsOf(dto, body('Annual\r\nBcc: x@evil.test'))).toEqual([
      { field, reason: 'must be on one line, without control characters' },
    ]);
  });

  it.each(cases)(
    'refuses a bidirectional override or isolate in %s, naming the field',
    async (_, dto, body, field) => {
      for (const control of ['\u202E', '\u2066']) {
        expect(await fieldErrorsOf(dto, body(`Annual ${control}2025`))).toEqual([
          { field, reason: 'must not contain bidirectional control characters' },
        ]);
      }
    },
  );

  it.each(cases)('accepts a plain one-line text in %s', async (_, dto, body) => {
    expect(await fieldErrorsOf(dto, body('Audit RGPD annuel — 2025'))).toEqual([]);
  });
});
