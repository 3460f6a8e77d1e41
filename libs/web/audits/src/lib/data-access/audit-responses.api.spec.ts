import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { accessView } from '../testing/audit-fixtures';
import { apiFieldErrors } from '@mailroute/web/core';
import { errorCode } from './api-answers';
import { AuditResponsesApi } from './audit-responses.api';

describe('AuditResponsesApi', () => {
  let api: AuditResponsesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuditResponsesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('opens the link and sends its answers under the token, escaped', async () => {
    const view = firstValueFrom(api.access('a/b'));
    http.expectOne({ method: 'GET', url: '/api/audit-responses/a%2Fb' }).flush(accessView());
    expect((await view).organizationName).toBe('Acme');

    const answers = [{ questionId: 'q-1', value: true }];
    const submitted = firstValueFrom(api.submit('tok', answers));
    const post = http.expectOne({ method: 'POST', url: '/api/audit-responses/tok' });
    expect(post.request.body).toEqual({ answers });
    post.flush(accessView({ answeredAt: '2025-03-05T09:00:00.000Z', answers }));
    expect((await submitted).answers).toEqual(answers);
  });

  it('hands the API’s field errors and error code to the page', async () => {
    const submitted = firstValueFrom(api.submit('tok', [])).catch((error: unknown) => error);
    http.expectOne('/api/audit-responses/tok').flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Some fields are invalid.',
        errors: [{ field: 'answers[0].value', reason: 'must not be empty' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    const error = await submitted;
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect([errorCode(error), apiFieldErrors(error)]).toEqual([
      'validation_failed',
      [{ field: 'answers[0].value', reason: 'must not be empty' }],
    ]);
  });
});
