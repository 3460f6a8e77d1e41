import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AUDIT_ID, auditDetail, auditLine, invited, questions } from '../testing/audit-fixtures';
import { AuditsApi } from './audits.api';

describe('AuditsApi', () => {
  let api: AuditsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuditsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for one page of audits', async () => {
    const page = firstValueFrom(api.list(2, 10));
    const request = http.expectOne((r) => r.url === '/api/audits');
    expect([
      request.request.method,
      request.request.params.get('page'),
      request.request.params.get('pageSize'),
    ]).toEqual(['GET', '2', '10']);
    request.flush({ items: [auditLine], total: 11, page: 2, pageSize: 10 });
    expect((await page).items[0]?.title).toBe('Annual GDPR audit');
  });

  it('creates an audit with its questions', async () => {
    const input = {
      title: 'T',
      dueDate: null,
      questions: [{ text: 'Q?', kind: 'yes_no' as const, required: true }],
    };
    const created = firstValueFrom(api.create(input));
    const request = http.expectOne({ method: 'POST', url: '/api/audits' });
    expect(request.request.body).toEqual(input);
    request.flush(auditLine);
    expect((await created).id).toBe(AUDIT_ID);
  });

  it('reads one audit, replaces its questions, adds and reminds respondents', async () => {
    const detail = firstValueFrom(api.get(AUDIT_ID));
    http.expectOne({ method: 'GET', url: `/api/audits/${AUDIT_ID}` }).flush(auditDetail());
    expect((await detail).respondents).toHaveLength(2);

    const replaced = firstValueFrom(
      api.replaceQuestions(AUDIT_ID, [{ text: 'Q?', kind: 'text', required: false }]),
    );
    const put = http.expectOne({ method: 'PUT', url: `/api/audits/${AUDIT_ID}/questions` });
    expect(put.request.body).toEqual({ questions: [{ text: 'Q?', kind: 'text', required: false }] });
    put.flush(questions);
    expect(await replaced).toEqual(questions);

    const added = firstValueFrom(api.addRespondent(AUDIT_ID, { email: 'ada@partner.test', locale: 'fr' }));
    const post = http.expectOne({ method: 'POST', url: `/api/audits/${AUDIT_ID}/respondents` });
    expect(post.request.body).toEqual({ email: 'ada@partner.test', locale: 'fr' });
    post.flush(invited);
    expect((await added).status).toBe('invited');

    const reminded = firstValueFrom(api.remind(AUDIT_ID, 'r-1'));
    http.expectOne({ method: 'POST', url: `/api/audits/${AUDIT_ID}/respondents/r-1/remind` }).flush({
      ...invited,
      status: 'reminded',
    });
    expect((await reminded).status).toBe('reminded');
  });
});
