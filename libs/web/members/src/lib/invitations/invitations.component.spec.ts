import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { InvitationView, Page } from '@mailroute/shared/contracts';
import { provideI18n, provideTexts } from '@mailroute/web/i18n';
import { membersTexts } from '../i18n/members.texts';
import { InvitationsComponent } from './invitations.component';

const pending: InvitationView = {
  id: 'i-1',
  email: 'grace@example.com',
  role: 'member',
  locale: null,
  status: 'pending',
  createdAt: '2030-01-01T10:00:00.000Z',
  sentAt: '2030-01-01T10:00:00.000Z',
  expiresAt: '2030-01-08T10:00:00.000Z',
  delivery: {
    emailId: 'e-1',
    status: 'sent',
    route: { type: 'platform' },
    lastError: null,
    sentAt: '2030-01-01T10:00:05.000Z',
  },
};
const failed: InvitationView = {
  ...pending,
  id: 'i-2',
  email: 'alan@example.com',
  status: 'expired',
  delivery: {
    emailId: 'e-2',
    status: 'failed',
    route: { type: 'custom', host: 'smtp.acme.test', port: 465 },
    lastError: '550 5.1.1 mailbox unavailable',
    sentAt: null,
  },
};
const open = (items: InvitationView[], total = items.length): Page<InvitationView> => ({
  items,
  total,
  page: 1,
  pageSize: 25,
});

async function eventually<T>(probe: () => T | null | undefined | false): Promise<T> {
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

describe('InvitationsComponent', () => {
  let http: HttpTestingController;
  let element: HTMLElement;
  let stable: () => Promise<void>;

  const listRequest = () =>
    http.expectOne((request) => request.url === '/api/invitations' && request.method === 'GET');
  const row = (email: string) => element.querySelector<HTMLElement>(`tr[data-email="${email}"]`);
  /** A cell's lines (its block spans) joined as a reader hears them. */
  const cell = (email: string, testId: string) => {
    const found = row(email)?.querySelector(`[data-testid="${testId}"]`);
    const lines = Array.from(found?.querySelectorAll('span') ?? []).map((line) => line.textContent?.trim());
    return lines.length > 0 ? lines.join(' ') : found?.textContent?.trim();
  };
  const emailInput = () => element.querySelector<HTMLInputElement>('input[formcontrolname="email"]');
  const sendButton = () => element.querySelector<HTMLButtonElement>('button[type="submit"]');
  const emailField = () => emailInput()?.closest('mat-form-field')?.textContent ?? '';
  const liveRegion = () => element.querySelector('mr-live-region')?.textContent?.trim();

  async function render(list: Page<InvitationView>): Promise<void> {
    const fixture = TestBed.createComponent(InvitationsComponent);
    element = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    fixture.detectChanges();
    listRequest().flush(list);
    await stable();
  }

  async function typeEmail(value: string): Promise<void> {
    const input = emailInput();
    if (!input) {
      throw new Error('No email field');
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await stable();
  }

  /** The open confirmation dialog, once its texts are rendered. */
  async function openedDialog(): Promise<HTMLElement> {
    return eventually(() =>
      Array.from(document.querySelectorAll<HTMLElement>('mat-dialog-container')).find((dialog) =>
        dialog.querySelector('h2')?.textContent?.trim(),
      ),
    );
  }

  function choose(dialog: HTMLElement, label: string): void {
    Array.from(dialog.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === label)
      ?.click();
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n(), provideTexts(membersTexts)],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
    jest.restoreAllMocks();
  });

  it('shows each open invitation with its status and where its email stands', async () => {
    await render(open([pending, failed]));

    expect(row('grace@example.com')?.textContent).toContain('Pending');
    expect(cell('grace@example.com', 'invitation-delivery')).toMatch(
      /^Sent Jan 1, 2030, .+ through the platform’s SMTP server$/,
    );
    expect(row('alan@example.com')?.textContent).toContain('Expired');
    expect(cell('alan@example.com', 'invitation-delivery')).toBe(
      'Failed through smtp.acme.test:465 Error: 550 5.1.1 mailbox unavailable',
    );
    expect(element.querySelector('mat-paginator')).toBeNull();
  });

  it('says when no invitation is waiting', async () => {
    await render(open([]));

    expect(element.querySelector('[data-testid="invitations-empty"]')?.textContent).toContain(
      'No invitation is waiting for an answer.',
    );
  });

  it('invites with the chosen email and role, says so, and lists the invitations again', async () => {
    await render(open([]));

    await typeEmail(' grace@example.com ');
    sendButton()?.click();
    const post = http.expectOne((request) => request.url === '/api/invitations' && request.method === 'POST');
    expect(post.request.body).toEqual({ email: 'grace@example.com', role: 'member' });
    post.flush(pending, { status: 201, statusText: 'Created' });
    listRequest().flush(open([pending]));
    await stable();

    expect(liveRegion()).toBe('Invitation sent to grace@example.com.');
    expect(emailInput()?.value).toBe('');
    expect(row('grace@example.com')).not.toBeNull();
  });

  it('checks the address before sending', async () => {
    await render(open([]));

    await typeEmail('not an address');
    sendButton()?.click();
    await stable();

    expect(emailField()).toContain('Enter an email address like name@example.com.');
    http.expectNone((request) => request.method === 'POST');
  });

  it.each([
    ['email_already_registered', 'This address already has an account'],
    ['invitation_already_pending', 'already has a pending invitation: resend it'],
  ])('says %s next to the email field', async (code, message) => {
    await render(open([]));

    await typeEmail('grace@example.com');
    sendButton()?.click();
    http
      .expectOne((request) => request.method === 'POST')
      .flush({ statusCode: 409, code, message: 'conflict' }, { status: 409, statusText: 'Conflict' });
    await stable();

    expect(emailField()).toContain(message);
    expect(liveRegion()).toContain(message);
  });

  it('shows the API’s field errors next to their fields', async () => {
    await render(open([]));

    await typeEmail('grace@example.com');
    sendButton()?.click();
    http
      .expectOne((request) => request.method === 'POST')
      .flush(
        {
          statusCode: 400,
          code: 'validation_failed',
          message: 'Invalid',
          errors: [{ field: 'email', reason: 'must be an email address' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await stable();

    expect(emailField()).toContain('must be an email address');
  });

  it('resends an invitation and shows its new email', async () => {
    await render(open([pending]));

    row('grace@example.com')
      ?.querySelector<HTMLButtonElement>('button[aria-label="Resend the invitation to grace@example.com"]')
      ?.click();
    const resend = http.expectOne('/api/invitations/i-1/resend');
    expect(resend.request.method).toBe('POST');
    resend.flush({
      ...pending,
      delivery: { ...pending.delivery, status: 'queued', sentAt: null, route: null },
    });
    await stable();

    expect(cell('grace@example.com', 'invitation-delivery')).toBe('Queued');
    expect(liveRegion()).toContain('A new link was sent to grace@example.com');
  });

  it('revokes an invitation after a confirmation naming the address', async () => {
    await render(open([pending]));

    row('grace@example.com')
      ?.querySelector<HTMLButtonElement>('button[aria-label="Revoke the invitation to grace@example.com"]')
      ?.click();
    const dialog = await openedDialog();
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe(
      'Revoke the invitation to grace@example.com?',
    );
    expect(dialog.textContent).toContain('Its link stops working at once.');
    http.expectNone('/api/invitations/i-1');
    choose(dialog, 'Revoke');

    const revoke = await eventually(() => http.match('/api/invitations/i-1')[0]);
    expect(revoke.request.method).toBe('DELETE');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    listRequest().flush(open([]));
    await stable();

    expect(liveRegion()).toBe('The invitation to grace@example.com was revoked.');
    expect(row('grace@example.com')).toBeNull();
  });

  it('says when the invitation was accepted meanwhile', async () => {
    await render(open([pending]));

    row('grace@example.com')?.querySelector<HTMLButtonElement>('button')?.click();
    http
      .expectOne('/api/invitations/i-1/resend')
      .flush(
        { statusCode: 409, code: 'invitation_already_accepted', message: 'accepted' },
        { status: 409, statusText: 'Conflict' },
      );
    listRequest().flush(open([]));
    await stable();

    expect(element.querySelector('[data-testid="invitations-problem"]')?.textContent).toContain(
      'grace@example.com has accepted the invitation meanwhile',
    );
  });

  it('pages through the invitations when there are more than a page', async () => {
    await render(open([pending], 40));

    element.querySelector<HTMLButtonElement>('mat-paginator button[aria-label="Next page"]')?.click();
    const second = listRequest();
    expect(second.request.params.get('page')).toBe('2');
    second.flush({ items: [failed], total: 40, page: 2, pageSize: 25 });
  });
});
