import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Page, ProcessingActivityView } from '@mailroute/shared/contracts';
import { provideI18n } from '@mailroute/web/i18n';
import { activitiesRoutes } from '../activities.routes';
import { ActivitiesPageComponent } from './activities-page.component';

const LIST = '/api/processing-activities';

const activity = (id: string, name: string): ProcessingActivityView => ({
  id,
  name,
  description: '',
  createdBy: { id: 'u1', name: 'Ada' },
  createdAt: '2030-01-02T03:04:05.000Z',
});

describe('ActivitiesPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(activitiesRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/processing-activities', ActivitiesPageComponent);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
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

  it('lists a page of activities, each linking to its own page', async () => {
    const answer: Page<ProcessingActivityView> = {
      items: [activity('a2', 'Payroll'), activity('a1', 'Newsletter')],
      total: 2,
      page: 1,
      pageSize: 25,
    };
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush(answer);
    await settle();

    expect(text('h1')).toBe('Processing activities');
    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('[data-testid="activities"] a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Payroll', '/processing-activities/a2'],
      ['Newsletter', '/processing-activities/a1'],
    ]);
    expect(text('[data-testid="activities"] tbody tr')).toContain('Ada');
  });

  it('says when the register is empty', async () => {
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();

    expect(text('[data-testid="activities-empty"]')).toContain('No processing activity yet');
  });

  it('offers to try again when the list could not be loaded', async () => {
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush(null, { status: 500, statusText: 'Error' });
    await settle();
    expect(text('mr-load-error')).toContain('could not be loaded');

    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();
    expect(page.querySelector('mr-load-error')).toBeNull();
  });

  it('asks for a name before sending anything', async () => {
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();

    await submit();

    expect(text('mat-error')).toBe('This field is required.');
    expect(text('[data-testid="activity-create-problem"]')).toBe('Check the highlighted fields.');
    http.expectNone(LIST);
  });

  it('shows the API’s reason next to the field it names', async () => {
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();

    type('input[formcontrolname="name"]', '   ');
    await submit();
    const request = http.expectOne({ method: 'POST', url: LIST });
    expect(request.request.body).toEqual({ name: '   ', description: '' });
    request.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        errors: [{ field: 'name', reason: 'is required, on one line' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(text('mat-error')).toBe('The server says: is required, on one line.');
    expect(TestBed.inject(Router).url).toBe('/processing-activities');
  });

  it('opens the created activity', async () => {
    http.expectOne(`${LIST}?page=1&pageSize=25`).flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();

    type('input[formcontrolname="name"]', 'Payroll');
    type('textarea[formcontrolname="description"]', 'Salaries');
    await submit();
    http
      .expectOne({ method: 'POST', url: LIST })
      .flush({ ...activity('a9', 'Payroll'), description: 'Salaries' });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/processing-activities/a9');
    http.expectOne('/api/processing-activities/a9');
  });
});
