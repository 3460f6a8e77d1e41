import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, Page, UserView } from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { provideI18n, provideTexts } from '@mailroute/web/i18n';
import { membersTexts } from '../i18n/members.texts';
import { MembersPageComponent } from './members-page.component';

const ada: UserView = {
  id: 'u-1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'admin',
  createdAt: '2025-01-01T00:00:00.000Z',
};
const grace: UserView = {
  id: 'u-2',
  email: 'grace@example.com',
  name: 'Grace',
  role: 'member',
  createdAt: '2025-02-01T00:00:00.000Z',
};
const members = (items: UserView[], total = items.length): Page<UserView> => ({
  items,
  total,
  page: 1,
  pageSize: 25,
});

const signedInAs = (user: UserView): CurrentUserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  locale: null,
  organization: { id: 'o-1', name: 'Acme', defaultLocale: 'en' },
});

async function eventually<T>(probe: () => T | null | undefined | false): Promise<T> {
  // Bounded in time, not in ticks: a dialog or a chained request takes longer on a busy machine.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const found = probe();
    if (found !== null && found !== undefined && found !== false) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('Condition not met in time');
}

describe('MembersPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  const usersRequest = () => http.expectOne((request) => request.url === '/api/users');
  const row = (email: string) => page.querySelector<HTMLElement>(`tr[data-email="${email}"]`);
  const problem = () => page.querySelector('[data-testid="members-problem"]')?.textContent?.trim();
  const liveRegion = () => page.querySelector('mr-live-region')?.textContent?.trim();

  async function open(as: UserView, list: Page<UserView>): Promise<void> {
    TestBed.inject(SessionService).setCurrentUser(signedInAs(as));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/members');
    page = harness.routeNativeElement as HTMLElement;
    if (as.role === 'admin') {
      // The invitations below the list load too; their own spec covers them.
      http
        .expectOne((request) => request.url === '/api/invitations')
        .flush({ items: [], total: 0, page: 1, pageSize: 25 });
    }
    usersRequest().flush(list);
    await harness.fixture.whenStable();
  }

  async function chooseRole(email: string, option: string): Promise<void> {
    row(email)?.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await harness.fixture.whenStable();
    const choice = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (candidate) => candidate.textContent?.trim() === option,
    );
    choice?.click();
    await harness.fixture.whenStable();
  }

  async function confirmDialog(): Promise<HTMLElement> {
    const title = await eventually(() => {
      const found = document.querySelector<HTMLElement>('mat-dialog-container h2');
      return found?.textContent?.trim() ? found : null;
    });
    return title.closest<HTMLElement>('mat-dialog-container') ?? title;
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'members', component: MembersPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideTexts(membersTexts),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
    jest.restoreAllMocks();
  });

  it('lists each member’s name, email and role, and marks you', async () => {
    await open(ada, members([ada, grace]));

    expect(row('ada@example.com')?.textContent).toContain('Ada (you)');
    expect(row('grace@example.com')?.textContent).toContain('grace@example.com');
    expect(row('grace@example.com')?.querySelector('mat-select')?.textContent).toContain('Member');
    expect(page.querySelector('mat-paginator')).toBeNull();
    expect(page.querySelector('mr-invitations')).not.toBeNull();
  });

  it('shows members a read-only list with a note, and no invitations', async () => {
    await open(grace, members([ada, grace]));

    expect(page.querySelector('[data-testid="members-read-only"]')?.textContent).toContain(
      'Only administrators change roles',
    );
    expect(row('ada@example.com')?.textContent).toContain('Administrator');
    expect(page.querySelector('mat-select')).toBeNull();
    expect(page.querySelector('button')).toBeNull();
    expect(page.querySelector('mr-invitations')).toBeNull();
  });

  it('changes a role and says so', async () => {
    await open(ada, members([ada, grace]));

    await chooseRole('grace@example.com', 'Administrator');
    const patch = http.expectOne('/api/users/u-2');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ role: 'admin' });
    patch.flush({ ...grace, role: 'admin' });
    await harness.fixture.whenStable();

    expect(row('grace@example.com')?.querySelector('td[data-role]')?.getAttribute('data-role')).toBe('admin');
    expect(liveRegion()).toBe('Grace is now Administrator.');
  });

  it('says why the last admin stays one, and shows the role unchanged', async () => {
    await open(ada, members([ada, grace]));

    await chooseRole('ada@example.com', 'Member');
    http
      .expectOne('/api/users/u-1')
      .flush(
        { statusCode: 409, code: 'last_admin', message: 'last admin' },
        { status: 409, statusText: 'Conflict' },
      );
    await harness.fixture.whenStable();

    expect(problem()).toBe(
      'Ada is the last administrator of the organization and stays one: make another member an administrator first.',
    );
    expect(row('ada@example.com')?.querySelector('mat-select')?.textContent).toContain('Administrator');
  });

  it('removes a member after a confirmation naming them, then lists the members again', async () => {
    await open(ada, members([ada, grace]));

    row('grace@example.com')?.querySelector<HTMLButtonElement>('button[aria-label="Remove Grace"]')?.click();
    const dialog = await confirmDialog();
    expect(dialog.querySelector('h2')?.textContent).toBe('Remove Grace?');
    expect(dialog.textContent).toContain('Grace (grace@example.com) loses access to Acme at once');
    http.expectNone('/api/users/u-2');
    Array.from(dialog.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === 'Remove')
      ?.click();

    const remove = await eventually(() => http.match('/api/users/u-2')[0]);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    usersRequest().flush(members([ada]));
    await harness.fixture.whenStable();

    expect(row('grace@example.com')).toBeNull();
    expect(liveRegion()).toBe('Grace was removed from the organization.');
  });

  it('removes nobody when the confirmation is cancelled', async () => {
    await open(ada, members([ada, grace]));

    row('grace@example.com')?.querySelector<HTMLButtonElement>('button')?.click();
    const dialog = await confirmDialog();
    Array.from(dialog.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === 'Cancel')
      ?.click();
    await eventually(() => document.querySelector('mat-dialog-container') === null);

    http.expectNone('/api/users/u-2');
  });

  it('refuses to remove the last admin with its reason', async () => {
    await open(ada, members([ada, grace]));

    row('ada@example.com')?.querySelector<HTMLButtonElement>('button')?.click();
    const dialog = await confirmDialog();
    Array.from(dialog.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === 'Remove')
      ?.click();
    (await eventually(() => http.match('/api/users/u-1')[0])).flush(
      { statusCode: 409, code: 'last_admin', message: 'last admin' },
      { status: 409, statusText: 'Conflict' },
    );
    await harness.fixture.whenStable();

    expect(problem()).toContain('Ada is the last administrator of the organization and cannot be removed');
  });

  it('pages through the members when there are more than a page', async () => {
    await open(ada, members([ada, grace], 30));

    const next = page.querySelector<HTMLButtonElement>('mat-paginator button[aria-label="Next page"]');
    expect(next).not.toBeNull();
    next?.click();
    const second: TestRequest = usersRequest();
    expect(second.request.params.get('page')).toBe('2');
    second.flush({ items: [], total: 30, page: 2, pageSize: 25 });
  });

  it('offers to try again when the list could not be loaded', async () => {
    TestBed.inject(SessionService).setCurrentUser(signedInAs(grace));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/members');
    page = harness.routeNativeElement as HTMLElement;
    usersRequest().flush('down', { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();

    expect(page.textContent).toContain('The members could not be loaded.');
    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    usersRequest().flush(members([grace]));
    await harness.fixture.whenStable();
    expect(row('grace@example.com')).not.toBeNull();
  });
});
