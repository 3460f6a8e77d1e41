import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, Page, TaskView, UserView } from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { tasksRoutes } from '../tasks.routes';
import { TasksPageComponent } from './tasks-page.component';

const admin: CurrentUserView = {
  id: 'u1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'admin',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};
const members: Page<UserView> = {
  items: [
    { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: '2030-01-01T00:00:00Z' },
    { id: 'u2', email: 'max@example.com', name: 'Max', role: 'member', createdAt: '2030-01-01T00:00:00Z' },
  ],
  total: 2,
  page: 1,
  pageSize: 100,
};
const task = (id: string, title: string, overrides: Partial<TaskView> = {}): TaskView => ({
  id,
  title,
  description: '',
  status: 'open',
  assignee: { id: 'u2', name: 'Max' },
  createdBy: { id: 'u1', name: 'Ada' },
  processingActivityId: null,
  dueDate: null,
  completedAt: null,
  createdAt: '2030-01-02T03:04:05.000Z',
  updatedAt: '2030-01-02T03:04:05.000Z',
  ...overrides,
});
const ALL = '/api/tasks?page=1&pageSize=25';
const assigneeSelect = MatSelectHarness.with({ selector: '[formcontrolname="assigneeId"]' });
const EMPTY: Page<TaskView> = { items: [], total: 0, page: 1, pageSize: 25 };

describe('TasksPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [provideRouter(tasksRoutes), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    TestBed.inject(SessionService).setCurrentUser(admin);
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tasks', TasksPageComponent);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/users?page=1&pageSize=100').flush(members);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const texts = (selector: string) =>
    Array.from(page.querySelectorAll(selector)).map((element) =>
      element.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const settle = () => harness.fixture.whenStable();
  const type = (selector: string, value: string) => {
    const field = page.querySelector<HTMLInputElement>(selector);
    if (field === null) {
      throw new Error(`no ${selector}`);
    }
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
  };

  it('lists tasks with their status in words, assignee and due date, each linking to its page', async () => {
    http.expectOne(ALL).flush({
      items: [task('t2', 'Review', { status: 'in_progress', dueDate: '2030-06-30' }), task('t1', 'Sign DPA')],
      total: 2,
      page: 1,
      pageSize: 25,
    });
    await settle();

    expect(text('h1')).toBe('Tasks');
    const rows = Array.from(page.querySelectorAll('[data-testid="tasks"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Review', 'In progress', 'Max', 'Jun 30, 2030'],
      ['Sign DPA', 'Open', 'Max', 'No due date'],
    ]);
    expect(page.querySelector('[data-testid="tasks"] a')?.getAttribute('href')).toBe('/tasks/t2');
  });

  it('shows only one’s own tasks when asked', async () => {
    http.expectOne(ALL).flush({ items: [task('t1', 'Sign DPA')], total: 1, page: 1, pageSize: 25 });
    await settle();

    Array.from(page.querySelectorAll<HTMLButtonElement>('mat-button-toggle button'))[1]?.click();
    http.expectOne('/api/tasks?page=1&pageSize=25&assignee=me').flush(EMPTY);
    await settle();

    expect(text('[data-testid="tasks-empty"]')).toBe('No task is assigned to you.');
  });

  it('shows the tasks of one status when asked, with or without one’s own, and every status again', async () => {
    http.expectOne(ALL).flush({ items: [task('t1', 'Sign DPA')], total: 1, page: 2, pageSize: 25 });
    await settle();
    const status = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="status-filter"]' }),
    );
    expect(await status.getValueText()).toBe('Any status');
    await status.open();
    expect(await Promise.all((await status.getOptions()).map((option) => option.getText()))).toEqual([
      'Any status',
      'Open',
      'In progress',
      'Done',
    ]);

    await status.clickOptions({ text: 'In progress' });
    http
      .expectOne('/api/tasks?page=1&pageSize=25&status=in_progress')
      .flush({ items: [task('t2', 'Review', { status: 'in_progress' })], total: 1, page: 1, pageSize: 25 });
    await settle();
    expect(texts('[data-testid="tasks"] tbody tr td:first-child')).toEqual(['Review']);

    Array.from(page.querySelectorAll<HTMLButtonElement>('mat-button-toggle button'))[1]?.click();
    http.expectOne('/api/tasks?page=1&pageSize=25&assignee=me&status=in_progress').flush(EMPTY);
    await settle();
    expect(text('[data-testid="tasks-empty"]')).toBe('No task has this status.');

    await status.open();
    await status.clickOptions({ text: 'Any status' });
    http.expectOne('/api/tasks?page=1&pageSize=25&assignee=me').flush(EMPTY);
    await settle();
    expect(text('[data-testid="tasks-empty"]')).toBe('No task is assigned to you.');
  });

  it('offers to try again when the list could not be loaded', async () => {
    http.expectOne(ALL).flush(null, { status: 500, statusText: 'Error' });
    await settle();
    expect(text('mr-load-error')).toContain('The tasks could not be loaded.');

    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    http.expectOne(ALL).flush(EMPTY);
    await settle();
    expect(text('[data-testid="tasks-empty"]')).toBe('No task here yet.');
  });

  it('asks for a title and an assignee before sending anything', async () => {
    http.expectOne(ALL).flush(EMPTY);
    await settle();

    await submit();

    expect(texts('mat-error')).toEqual(['This field is required.', 'This field is required.']);
    expect(text('[data-testid="task-create-problem"]')).toBe('Check the highlighted fields.');
    http.expectNone({ method: 'POST', url: '/api/tasks' });
  });

  it('creates a task for the chosen member, with its due date, and opens it', async () => {
    http.expectOne(ALL).flush(EMPTY);
    await settle();
    const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(assigneeSelect);
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Ada (you)', 'Max']);
    await select.clickOptions({ text: 'Max' });

    type('input[formcontrolname="title"]', 'Review');
    type('textarea[formcontrolname="description"]', 'Read the register.\nThen sign.');
    type('input[formcontrolname="dueDate"]', '2030-06-30');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/tasks' });
    expect(request.request.body).toEqual({
      title: 'Review',
      assigneeId: 'u2',
      description: 'Read the register.\nThen sign.',
      dueDate: '2030-06-30',
    });
    request.flush(task('t9', 'Review', { dueDate: '2030-06-30' }));
    await settle();

    expect(TestBed.inject(Router).url).toBe('/tasks/t9');
    http.expectOne('/api/tasks/t9');
    http.expectOne('/api/users?page=1&pageSize=100');
  });

  it('leaves out an empty description, and refuses one too long before sending', async () => {
    http.expectOne(ALL).flush(EMPTY);
    await settle();
    const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(assigneeSelect);
    await select.clickOptions({ text: 'Max' });
    type('input[formcontrolname="title"]', 'Review');
    type('textarea[formcontrolname="description"]', 'x'.repeat(5001));
    await submit();
    expect(texts('mat-error')).toEqual(['At most 5000 characters.']);
    http.expectNone({ method: 'POST', url: '/api/tasks' });

    type('textarea[formcontrolname="description"]', '');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/tasks' });
    expect(request.request.body).toEqual({ title: 'Review', assigneeId: 'u2' });
    request.flush(task('t9', 'Review'));
    await settle();
    http.expectOne('/api/tasks/t9');
    http.expectOne('/api/users?page=1&pageSize=100');
  });

  it('shows the API’s reason next to the field it names', async () => {
    http.expectOne(ALL).flush(EMPTY);
    await settle();
    const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(assigneeSelect);
    await select.clickOptions({ text: 'Max' });
    type('input[formcontrolname="title"]', '   ');
    await submit();

    http.expectOne({ method: 'POST', url: '/api/tasks' }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        errors: [{ field: 'title', reason: 'is required, on one line' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(text('mat-error')).toBe('The server says: is required, on one line.');
    expect(TestBed.inject(Router).url).toBe('/tasks');
  });
});
