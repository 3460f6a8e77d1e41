import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { DataSubjectRequestView, Page } from '@mailroute/shared/contracts';
import { NOW, provideI18n } from '@mailroute/web/i18n';
import { dataSubjectRequestsRoutes } from '../data-subject-requests.routes';

const TODAY = new Date('2025-05-20T12:00:00').getTime();
const LIST_URL = (page = 1, pageSize = 25) => `/api/data-subject-requests?page=${page}&pageSize=${pageSize}`;

function request(overrides: Partial<DataSubjectRequestView>): DataSubjectRequestView {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    reference: 'DSR-0F8FAD5B',
    type: 'erasure',
    subjectName: 'Jane Doe',
    subjectEmail: 'jane@example.com',
    locale: null,
    receivedAt: '2025-05-01T09:30:00.000Z',
    dueOn: '2025-06-01',
    createdAt: '2025-05-01T09:31:00.000Z',
    ...overrides,
  };
}

function pageOf(
  items: DataSubjectRequestView[],
  total = items.length,
  page = 1,
): Page<DataSubjectRequestView> {
  return { items, total, page, pageSize: 25 };
}

/** Polls for something that appears a few ticks later (a request, a render), bounded. */
async function eventually<T>(probe: () => T | null | undefined): Promise<T> {
  for (let tick = 0; tick < 50; tick++) {
    const found = probe();
    if (found !== null && found !== undefined) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error('Condition not met in time');
}

// The first test also loads the lazy page chunk and Material: slow on a shared machine.
jest.setTimeout(20_000);

describe('DataSubjectRequestsPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const text = (selector: string) => page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (name: string) =>
    Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === name,
    );
  const input = (name: string) => page().querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`);
  const errors = () => Array.from(page().querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
  const stable = () => harness.fixture.whenStable();

  async function type(name: string, value: string): Promise<void> {
    const field = input(name);
    if (field === null) {
      throw new Error(`No ${name} field`);
    }
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await stable();
  }

  async function choose(name: string, option: string): Promise<void> {
    input(name)?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await stable();
    const choice = await eventually(() =>
      Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
        (candidate) => candidate.textContent?.trim() === option,
      ),
    );
    choice.click();
    await stable();
  }

  async function open(answer: Page<DataSubjectRequestView>): Promise<void> {
    await harness.navigateByUrl('/data-subject-requests');
    http.expectOne(LIST_URL()).flush(answer);
    await stable();
  }

  async function openForm(): Promise<void> {
    button('New request')?.click();
    await stable();
  }

  async function fillValidForm(): Promise<TestRequest> {
    await openForm();
    await choose('type', 'Erasure (art. 17)');
    await type('subjectName', '  Jane Doe ');
    await type('subjectEmail', 'jane@example.com');
    button('Record the request')?.click();
    await stable();
    return http.expectOne({ method: 'POST', url: '/api/data-subject-requests' });
  }

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(dataSubjectRequestsRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        { provide: NOW, useValue: () => TODAY },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('lists each request with its type, requester and due date, and says in words which are overdue', async () => {
    await open(
      pageOf([
        request({ reference: 'DSR-AAAA0001', dueOn: '2025-06-01' }),
        request({
          id: '1f8fad5b-d9cb-469f-a165-70867728950e',
          reference: 'DSR-AAAA0002',
          type: 'access',
          subjectName: 'Max Mustermann',
          subjectEmail: 'max@example.com',
          dueOn: '2025-05-17',
        }),
      ]),
    );

    expect(text('h1')).toBe('Data subject requests');
    const rows = Array.from(page().querySelectorAll<HTMLElement>('tr[data-request]'));
    const cells = (row: HTMLElement) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows.map(cells)).toEqual([
      [
        'DSR-AAAA0001',
        'Erasure (art. 17)',
        'Jane Doe jane@example.com',
        'May 1, 2025',
        'Jun 1, 2025 Due in 12 days',
      ],
      [
        'DSR-AAAA0002',
        'Access (art. 15)',
        'Max Mustermann max@example.com',
        'May 1, 2025',
        'May 17, 2025 ! Overdue by 3 days',
      ],
    ]);
    expect(rows[1]?.querySelector('[data-deadline]')?.getAttribute('data-deadline')).toBe('overdue');
    expect(rows[1]?.querySelector('a')?.getAttribute('href')).toBe(
      '/data-subject-requests/1f8fad5b-d9cb-469f-a165-70867728950e',
    );
  });

  it('says when there is no request yet', async () => {
    await open(pageOf([]));
    expect(text('[data-testid="dsr-empty"]')).toContain('No requests yet');
    expect(page().querySelector('table')).toBeNull();
  });

  it('shows a failed load with a way to try again', async () => {
    await harness.navigateByUrl('/data-subject-requests');
    http.expectOne(LIST_URL()).flush(null, { status: 500, statusText: 'Server Error' });
    await stable();
    expect(text('mr-load-error')).toContain('The requests could not be loaded.');

    button('Try again')?.click();
    http.expectOne(LIST_URL()).flush(pageOf([request({})]));
    await stable();
    expect(page().querySelector('mr-load-error')).toBeNull();
    expect(page().querySelectorAll('tr[data-request]')).toHaveLength(1);
  });

  it('asks the API for the next page', async () => {
    await open(pageOf([request({})], 30));
    page().querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await stable();
    http.expectOne(LIST_URL(2)).flush(pageOf([request({ reference: 'DSR-PAGE0002' })], 30, 2));
    await stable();
    expect(text('tr[data-request]')).toContain('DSR-PAGE0002');
  });

  it('names each missing field and sends nothing when submitted empty', async () => {
    await open(pageOf([]));
    await openForm();
    button('Record the request')?.click();
    await stable();

    expect(errors()).toEqual([
      'This field is required.',
      'This field is required.',
      'This field is required.',
    ]);
    expect(text('[data-testid="dsr-new-problem"]')).toBe(
      'The request was not recorded: check the highlighted fields.',
    );
    http.expectNone({ method: 'POST', url: '/api/data-subject-requests' });
  });

  it('refuses a receipt date in the future before asking the API', async () => {
    await open(pageOf([]));
    await openForm();
    await type('receivedAt', '2025-05-21');
    expect(errors()).toEqual(['The date cannot be in the future.']);
  });

  it('records a request with the trimmed fields, leaving the defaults to the API, and opens it', async () => {
    await open(pageOf([]));
    const create = await fillValidForm();
    expect(create.request.body).toEqual({
      type: 'erasure',
      subjectName: 'Jane Doe',
      subjectEmail: 'jane@example.com',
    });
    create.flush(request({}), { status: 201, statusText: 'Created' });

    // The new request's page opens: its route asks for it.
    await eventually(() => http.match('/api/data-subject-requests/0f8fad5b-d9cb-469f-a165-70867728950e')[0]);
  });

  it('sends the language and the receipt date when chosen', async () => {
    await open(pageOf([]));
    await openForm();
    await choose('type', 'Access (art. 15)');
    await type('subjectName', 'Jean Dupont');
    await type('subjectEmail', 'jean@example.fr');
    await choose('locale', 'Français');
    await type('receivedAt', '2025-05-02');
    button('Record the request')?.click();
    await stable();
    const create = http.expectOne({ method: 'POST', url: '/api/data-subject-requests' });
    expect(create.request.body).toEqual({
      type: 'access',
      subjectName: 'Jean Dupont',
      subjectEmail: 'jean@example.fr',
      locale: 'fr',
      receivedAt: '2025-05-02',
    });
    create.flush(null, { status: 503, statusText: 'Unavailable' });
    await stable();
    expect(text('[data-testid="dsr-new-problem"]')).toContain('The server cannot be reached');
  });

  it("shows the API's field errors next to their fields", async () => {
    await open(pageOf([]));
    const create = await fillValidForm();
    create.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Some fields are invalid.',
        errors: [
          { field: 'subjectEmail', reason: 'must be an email address' },
          { field: 'other', reason: 'is odd' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();

    const emailField = input('subjectEmail')?.closest('mat-form-field');
    expect(emailField?.querySelector('mat-error')?.textContent?.trim()).toBe(
      'The server says: must be an email address.',
    );
    expect(text('[data-testid="dsr-new-problem"]')).toBe(
      'The request was not recorded: check the highlighted fields. The server says: other is odd.',
    );
  });

  it('says how long to wait after too many attempts', async () => {
    await open(pageOf([]));
    const create = await fillValidForm();
    create.flush(
      { statusCode: 429, code: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 30 },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await stable();
    expect(text('[data-testid="dsr-new-problem"]')).toBe('Too many attempts. Try again in 30 seconds.');
  });
});
