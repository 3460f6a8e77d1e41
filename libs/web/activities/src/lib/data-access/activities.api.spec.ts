import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  CommentView,
  Page,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { ActivitiesApi } from './activities.api';

const activity: ProcessingActivityView = {
  id: 'a1',
  name: 'Payroll',
  description: 'Salaries',
  createdBy: { id: 'u1', name: 'Ada' },
  createdAt: '2030-01-02T03:04:05.000Z',
};

describe('ActivitiesApi', () => {
  let api: ActivitiesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ActivitiesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for one page of the register, 1-based', async () => {
    const page: Page<ProcessingActivityView> = { items: [activity], total: 31, page: 2, pageSize: 10 };
    const answer = firstValueFrom(api.list(2, 10));

    const request = http.expectOne('/api/processing-activities?page=2&pageSize=10');
    expect(request.request.method).toBe('GET');
    request.flush(page);

    expect(await answer).toEqual(page);
  });

  it('creates an activity with its name and description', async () => {
    const answer = firstValueFrom(api.create({ name: 'Payroll', description: 'Salaries' }));

    const request = http.expectOne('/api/processing-activities');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Payroll', description: 'Salaries' });
    request.flush(activity);

    expect(await answer).toEqual(activity);
  });

  it('reads one activity with its comments and watchers, its id encoded', async () => {
    const detail: ProcessingActivityDetail = { ...activity, comments: [], watchers: [] };
    const answer = firstValueFrom(api.get('a/1'));

    const request = http.expectOne('/api/processing-activities/a%2F1');
    expect(request.request.method).toBe('GET');
    request.flush(detail);

    expect(await answer).toEqual(detail);
  });

  it('posts a comment as its body', async () => {
    const comment: CommentView = {
      id: 'c1',
      body: 'Retention?',
      author: { id: 'u2', name: 'Max' },
      createdAt: '2030-01-02T04:00:00.000Z',
    };
    const answer = firstValueFrom(api.comment('a1', 'Retention?'));

    const request = http.expectOne('/api/processing-activities/a1/comments');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ body: 'Retention?' });
    request.flush(comment);

    expect(await answer).toEqual(comment);
  });

  it('follows and stops following as the signed-in user, at watchers/me', async () => {
    const watchers = { watchers: [{ id: 'u2', name: 'Max' }] };
    const followed = firstValueFrom(api.watch('a1'));
    const put = http.expectOne('/api/processing-activities/a1/watchers/me');
    expect(put.request.method).toBe('PUT');
    put.flush(watchers);
    expect(await followed).toEqual(watchers);

    const stopped = firstValueFrom(api.unwatch('a1'));
    const remove = http.expectOne('/api/processing-activities/a1/watchers/me');
    expect(remove.request.method).toBe('DELETE');
    remove.flush({ watchers: [] });
    expect(await stopped).toEqual({ watchers: [] });
  });

  it('adds and removes another user by id, both ids encoded', async () => {
    const added = firstValueFrom(api.watch('a/1', 'u/3'));
    const put = http.expectOne('/api/processing-activities/a%2F1/watchers/u%2F3');
    expect(put.request.method).toBe('PUT');
    put.flush({ watchers: [] });
    await added;

    const removed = firstValueFrom(api.unwatch('a1', 'u3'));
    const remove = http.expectOne('/api/processing-activities/a1/watchers/u3');
    expect(remove.request.method).toBe('DELETE');
    remove.flush({ watchers: [] });
    await removed;
  });
});
