import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, Page, TaskView, UserView } from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { tasksRoutes } from '../tasks.routes';
import { changesOf, TaskPageComponent } from './task-page.component';

const ID = '5d0c7f4e-2b1a-4c8e-9f3d-6a7b8c9d0e1f';
const URL = `/api/tasks/${ID}`;
const member: CurrentUserView = {
  id: 'u2',
  email: 'max@example.com',
  name: 'Max',
  role: 'member',
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
const task: TaskView = {
  id: ID,
  title: 'Review the retention period',
  description: 'Payroll and CRM.\nAsk the DPO.',
  status: 'open',
  assignee: { id: 'u2', name: 'Max' },
  createdBy: { id: 'u1', name: 'Ada' },
  processingActivityId: null,
  dueDate: '2030-06-30',
  completedAt: null,
  createdAt: '2030-01-02T03:04:05.000Z',
  updatedAt: '2030-01-02T03:04:05.000Z',
};

describe('TaskPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  async function open(shown: TaskView): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/tasks/${ID}`, TaskPageComponent);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/users?page=1&pageSize=100').flush(members);
    http.expectOne(URL).flush(shown);
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [provideRouter(tasksRoutes), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    TestBed.inject(SessionService).setCurrentUser(member);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const settle = () => harness.fixture.whenStable();
  const input = (name: string) => {
    const field = page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (field === null) {
      throw new Error(`no ${name}`);
    }
    return field;
  };
  const type = (name: string, value: string) => {
    const field = input(name);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const button = (label: string) =>
    Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === label,
    );
  const save = async () => {
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
  };
  const selects = () => TestbedHarnessEnvironment.loader(harness.fixture).getAllHarnesses(MatSelectHarness);

  const description = () => {
    const field = page.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="description"]');
    if (field === null) {
      throw new Error('no description');
    }
    return field;
  };

  it('shows the task: title, description, assignee, due date and status in words', async () => {
    await open(task);

    expect(text('h1')).toBe('Review the retention period');
    expect(text('[data-testid="task-status"]')).toBe('Status: Open');
    expect(input('title').value).toBe('Review the retention period');
    expect(description().value).toBe('Payroll and CRM.\nAsk the DPO.');
    expect(input('dueDate').value).toBe('2030-06-30');
    const [assignee, status] = await selects();
    expect(await assignee?.getValueText()).toBe('Max (you)');
    expect(await status?.getValueText()).toBe('Open');
    expect(page.querySelector('[data-testid="task-read-only"]')).toBeNull();
  });

  it('saves only the status when only the status changed', async () => {
    await open(task);
    const [, status] = await selects();
    await status?.clickOptions({ text: 'In progress' });

    await save();
    const request = http.expectOne({ method: 'PATCH', url: URL });
    expect(request.request.body).toEqual({ status: 'in_progress' });
    request.flush({ ...task, status: 'in_progress' });
    await settle();

    expect(text('[data-testid="task-status"]')).toBe('Status: In progress');
    expect(text('[data-testid="task-saved"]')).toBe('Saved.');
    expect(text('mr-live-region')).toBe('Saved.');
  });

  it('saves a changed description alone, several lines kept, and an emptied one as empty', async () => {
    await open(task);
    description().value = 'Payroll only.\n\nAsk the DPO first.';
    description().dispatchEvent(new Event('input'));

    await save();
    const request = http.expectOne({ method: 'PATCH', url: URL });
    expect(request.request.body).toEqual({ description: 'Payroll only.\n\nAsk the DPO first.' });
    request.flush({ ...task, description: 'Payroll only.\n\nAsk the DPO first.' });
    await settle();
    expect(description().value).toBe('Payroll only.\n\nAsk the DPO first.');
    expect(text('[data-testid="task-saved"]')).toBe('Saved.');

    description().value = '';
    description().dispatchEvent(new Event('input'));
    await save();
    const emptied = http.expectOne({ method: 'PATCH', url: URL });
    expect(emptied.request.body).toEqual({ description: '' });
    emptied.flush({ ...task, description: '' });
    await settle();
    expect(description().value).toBe('');
  });

  it('refuses a description too long before sending it', async () => {
    await open(task);
    description().value = 'x'.repeat(5001);
    description().dispatchEvent(new Event('input'));

    await save();

    expect(text('mat-error')).toBe('At most 5000 characters.');
    http.expectNone({ method: 'PATCH', url: URL });
  });

  it('removes the due date with null', async () => {
    await open(task);

    button('Remove the due date')?.click();
    await settle();
    expect(input('dueDate').value).toBe('');
    await save();
    const request = http.expectOne({ method: 'PATCH', url: URL });
    expect(request.request.body).toEqual({ dueDate: null });
    request.flush({ ...task, dueDate: null });
    await settle();

    expect(input('dueDate').value).toBe('');
    expect(button('Remove the due date')?.disabled).toBe(true);
  });

  it('reassigns the task to another member', async () => {
    await open(task);
    const [assignee] = await selects();
    await assignee?.clickOptions({ text: 'Ada' });

    await save();
    const request = http.expectOne({ method: 'PATCH', url: URL });
    expect(request.request.body).toEqual({ assigneeId: 'u1' });
    request.flush({ ...task, assignee: { id: 'u1', name: 'Ada' } });
    await settle();
    expect(text('[data-testid="task-saved"]')).toBe('Saved.');
  });

  it('says clearly that the change was refused (403) and keeps what was typed', async () => {
    await open({ ...task, assignee: { id: 'u1', name: 'Ada' } });
    expect(text('[data-testid="task-read-only"]')).toContain(
      'Only the task’s assignee, its creator or an administrator',
    );

    type('title', 'Renamed');
    await save();
    http.expectOne({ method: 'PATCH', url: URL }).flush(
      {
        statusCode: 403,
        code: 'task_change_forbidden',
        message: 'Only the task’s assignee, its creator or an admin can change it.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();

    expect(text('[data-testid="task-problem"]')).toBe(
      'You are not allowed to change this task: only its assignee, its creator or an administrator can. Nothing was changed.',
    );
    expect(page.querySelector('[data-testid="task-problem"]')?.getAttribute('role')).toBe('alert');
    expect(input('title').value).toBe('Renamed');
  });

  it('shows the API’s reason under the field it names', async () => {
    await open(task);
    type('title', '   ');
    await save();

    http.expectOne({ method: 'PATCH', url: URL }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        errors: [{ field: 'dueDate', reason: 'must be a date that exists, YYYY-MM-DD' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(text('mat-error')).toBe('The server says: must be a date that exists, YYYY-MM-DD.');
    expect(text('[data-testid="task-problem"]')).toBe('Check the highlighted fields.');
  });

  it('sends nothing when nothing changed', async () => {
    await open(task);

    await save();

    expect(text('[data-testid="task-problem"]')).toBe('Nothing to save: nothing was changed.');
  });

  it('says so when the task is not in the organization', async () => {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/tasks/${ID}`, TaskPageComponent);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/users?page=1&pageSize=100').flush(members);
    http
      .expectOne(URL)
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();

    expect(text('[data-testid="task-not-found"]')).toBe('There is no such task in your organization.');
  });

  it('offers to try again when the task could not be loaded', async () => {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/tasks/${ID}`, TaskPageComponent);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/users?page=1&pageSize=100').flush(members);
    http.expectOne(URL).flush(null, { status: 500, statusText: 'Error' });
    await settle();
    expect(text('mr-load-error')).toContain('The task could not be loaded.');

    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    http.expectOne(URL).flush(task);
    await settle();
    expect(text('h1')).toBe('Review the retention period');
  });
});

describe('changesOf', () => {
  const same = {
    title: task.title,
    description: task.description,
    assigneeId: 'u2',
    dueDate: '2030-06-30',
    status: task.status,
  };

  it('is empty when nothing differs', () => {
    expect(changesOf(task, same)).toEqual({});
  });

  it('sends a description that differs, an emptied one as empty', () => {
    expect(changesOf(task, { ...same, description: 'Other' })).toEqual({ description: 'Other' });
    expect(changesOf(task, { ...same, description: '' })).toEqual({ description: '' });
  });

  it('sets a due date on a task without one', () => {
    expect(changesOf({ ...task, dueDate: null }, same)).toEqual({ dueDate: '2030-06-30' });
  });
});
