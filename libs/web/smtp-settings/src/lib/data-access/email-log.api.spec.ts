import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { EmailLogApi } from './email-log.api';

const EMAILS = '/api/organizations/current/emails';

describe('EmailLogApi', () => {
  let api: EmailLogApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(EmailLogApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists a page with GET, page and pageSize only when no filter is set', async () => {
    const answer = firstValueFrom(api.list({ status: null, kind: null, page: 1, pageSize: 25 }));
    const request = http.expectOne((candidate) => candidate.url === EMAILS);
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys()).toEqual(['page', 'pageSize']);
    expect(request.request.urlWithParams).toBe(`${EMAILS}?page=1&pageSize=25`);
    request.flush({ items: [], total: 0, page: 1, pageSize: 25 });

    await expect(answer).resolves.toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('adds the status and kind filters', () => {
    api.list({ status: 'failed', kind: 'smtp_test', page: 3, pageSize: 50 }).subscribe();

    http
      .expectOne(`${EMAILS}?page=3&pageSize=50&status=failed&kind=smtp_test`)
      .flush({ items: [], total: 0, page: 3, pageSize: 50 });
  });

  it('retries one email with POST, an empty body and its id encoded in the path', async () => {
    const answer = firstValueFrom(api.retry('a/b c'));
    const request = http.expectOne(`${EMAILS}/a%2Fb%20c/retry`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({});
    request.flush({ id: 'a/b c', status: 'queued' });

    await expect(answer).resolves.toEqual({ id: 'a/b c', status: 'queued' });
  });
});
