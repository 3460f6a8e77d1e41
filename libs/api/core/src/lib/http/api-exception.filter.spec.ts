import type { ArgumentsHost } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';
import { DomainError } from './domain-error';

/** What the filter answered: the status set on the response and the JSON body. */
function answerTo(exception: unknown): { status: number; body: Record<string, unknown> } {
  const answer = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    status(code: number) {
      answer.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      answer.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return answer;
}

class ReportedConflict extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'settings_changed';

  constructor(override readonly details: Record<string, unknown>) {
    super('The settings changed since you read them.');
  }
}

describe('ApiExceptionFilter', () => {
  it('adds a domain error’s details to the body beside its status, code and message', () => {
    const { status, body } = answerTo(new ReportedConflict({ report: { ok: false } }));
    expect(status).toBe(409);
    expect(body).toEqual({
      statusCode: 409,
      code: 'settings_changed',
      message: 'The settings changed since you read them.',
      report: { ok: false },
    });
  });

  it('never lets details replace the status, code or message every error answer has', () => {
    const { status, body } = answerTo(
      new ReportedConflict({ statusCode: 200, code: 'ok', message: 'All good', errors: [] }),
    );
    expect(status).toBe(409);
    expect(body).toMatchObject({
      statusCode: 409,
      code: 'settings_changed',
      message: 'The settings changed since you read them.',
    });
  });
});
