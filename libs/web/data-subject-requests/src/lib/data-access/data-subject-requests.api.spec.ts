import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DataSubjectRequestView,
  Page,
} from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { DataSubjectRequestsApi } from './data-subject-requests.api';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const request: DataSubjectRequestView = {
  id: ID,
  reference: 'DSR-0F8FAD5B',
  type: 'erasure',
  subjectName: 'Jane Doe',
  subjectEmail: 'jane@example.com',
  locale: 'fr',
  receivedAt: '2025-03-14T09:30:00.000Z',
  dueOn: '2025-04-14',
  createdAt: '2025-03-14T09:31:00.000Z',
};

const message: DataSubjectRequestMessageView = {
  id: 'm1',
  body: 'We erased your data.',
  author: { id: 'u1', email: 'ada@example.com' },
  createdAt: '2025-03-15T10:00:00.000Z',
  delivery: { emailId: 'e1', status: 'queued', route: null, lastError: null, sentAt: null },
};

describe('DataSubjectRequestsApi', () => {
  let api: DataSubjectRequestsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DataSubjectRequestsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for one page of requests with the page and its size', async () => {
    const answer = firstValueFrom(api.list({ page: 2, pageSize: 10 }));
    const call = http.expectOne('/api/data-subject-requests?page=2&pageSize=10');
    expect(call.request.method).toBe('GET');
    const page: Page<DataSubjectRequestView> = { items: [request], page: 2, pageSize: 10, total: 11 };
    call.flush(page);
    await expect(answer).resolves.toEqual(page);
  });

  it('records a request by POSTing its fields as given', async () => {
    const input = { type: 'erasure' as const, subjectName: 'Jane Doe', subjectEmail: 'jane@example.com' };
    const answer = firstValueFrom(api.create(input));
    const call = http.expectOne('/api/data-subject-requests');
    expect(call.request.method).toBe('POST');
    expect(call.request.body).toEqual(input);
    call.flush(request, { status: 201, statusText: 'Created' });
    await expect(answer).resolves.toEqual(request);
  });

  it('reads one request with its thread', async () => {
    const detail: DataSubjectRequestDetail = { ...request, messages: [message] };
    const answer = firstValueFrom(api.get(ID));
    const call = http.expectOne(`/api/data-subject-requests/${ID}`);
    expect(call.request.method).toBe('GET');
    call.flush(detail);
    await expect(answer).resolves.toEqual(detail);
  });

  it('escapes an id typed into the address so it stays one path segment', () => {
    void firstValueFrom(api.get('a/../b')).catch(() => undefined);
    http.expectOne('/api/data-subject-requests/a%2F..%2Fb').flush(null, { status: 400, statusText: 'Bad' });
  });

  it('sends a message to the data subject and answers it with its delivery', async () => {
    const answer = firstValueFrom(api.sendMessage(ID, { body: 'We erased your data.' }));
    const call = http.expectOne(`/api/data-subject-requests/${ID}/messages`);
    expect(call.request.method).toBe('POST');
    expect(call.request.body).toEqual({ body: 'We erased your data.' });
    call.flush(message, { status: 201, statusText: 'Created' });
    await expect(answer).resolves.toEqual(message);
  });
});
