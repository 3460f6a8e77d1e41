import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Page, TaskView } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { TasksApi } from './tasks.api';

const task: TaskView = {
  id: 't1',
  title: 'Review the retention period',
  description: 'Five years, or ten?',
  status: 'open',
  assignee: { id: 'u2', name: 'Max' },
  createdBy: { id: 'u1', name: 'Ada' },
  processingActivityId: null,
  dueDate: '2030-06-30',
  completedAt: null,
  createdAt: '2030-01-02T03:04:05.000Z',
  updatedAt: '2030-01-02T03:04:05.000Z',
};

describe('TasksApi', () => {
  let api: TasksApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TasksApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for a page of every task', async () => {
    const page: Page<TaskView> = { items: [task], total: 1, page: 1, pageSize: 25 };
    const answer = firstValueFrom(api.list({ mine: false, status: null, page: 1, pageSize: 25 }));

    http.expectOne('/api/tasks?page=1&pageSize=25').flush(page);

    expect(await answer).toEqual(page);
  });

  it('asks for one’s own tasks with assignee=me', () => {
    void firstValueFrom(api.list({ mine: true, status: null, page: 3, pageSize: 10 }));

    http
      .expectOne('/api/tasks?page=3&pageSize=10&assignee=me')
      .flush({ items: [], total: 0, page: 3, pageSize: 10 });
  });

  it('asks for the tasks of one status with status=, beside assignee=me', () => {
    void firstValueFrom(api.list({ mine: true, status: 'in_progress', page: 1, pageSize: 25 }));

    http
      .expectOne('/api/tasks?page=1&pageSize=25&assignee=me&status=in_progress')
      .flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('creates a task', async () => {
    const input = {
      title: 'Review',
      assigneeId: 'u2',
      description: 'Five years,\nor ten?',
      dueDate: '2030-06-30',
    };
    const answer = firstValueFrom(api.create(input));

    const request = http.expectOne('/api/tasks');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(input);
    request.flush(task);

    expect(await answer).toEqual(task);
  });

  it('reads one task, its id encoded', async () => {
    const answer = firstValueFrom(api.get('t/1'));

    const request = http.expectOne('/api/tasks/t%2F1');
    expect(request.request.method).toBe('GET');
    request.flush(task);

    expect(await answer).toEqual(task);
  });

  it('patches only the changes, a removed due date as null', async () => {
    const answer = firstValueFrom(api.update('t1', { status: 'done', dueDate: null }));

    const request = http.expectOne('/api/tasks/t1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'done', dueDate: null });
    request.flush({ ...task, status: 'done', dueDate: null });

    expect((await answer).dueDate).toBeNull();
  });
});
