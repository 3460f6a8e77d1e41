import { fieldErrorsOf } from '@mailroute/api/core/testing';
import { CreateDataSubjectRequestDto } from './create-data-subject-request.dto';

describe('a data subject’s name', () => {
  const request = (subjectName: string) => ({
    type: 'access',
    subjectName,
    subjectEmail: 'jane@example.test',
  });

  it('refuses a line break, naming the field', async () => {
    expect(await fieldErrorsOf(CreateDataSubjectRequestDto, request('Jane\r\nBcc: x@evil.test'))).toEqual([
      { field: 'subjectName', reason: expect.stringMatching(/one line/) },
    ]);
  });

  it('refuses a bidirectional override or isolate, naming the field', async () => {
    for (const control of ['\u202A', '\u202E', '\u2066', '\u2069']) {
      expect(await fieldErrorsOf(CreateDataSubjectRequestDto, request(`Jane ${control}Doe`))).toEqual([
        { field: 'subjectName', reason: 'must not contain bidirectional control characters' },
      ]);
    }
  });

  it('accepts a name in any script', async () => {
    expect(await fieldErrorsOf(CreateDataSubjectRequestDto, request('Zoë Ångström'))).toEqual([]);
  });
});
