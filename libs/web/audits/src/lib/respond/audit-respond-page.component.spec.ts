import { TestBed } from '@angular/core/testing';
import { accessView, eventually } from '../testing/audit-fixtures';
import { buttonNamed, type PageUnderTest, pageUnderTest, text, type } from '../testing/page-harness';
import { AuditRespondPageComponent } from './audit-respond-page.component';

const URL = '/api/audit-responses/tok-1';

describe('AuditRespondPageComponent', () => {
  let t: PageUnderTest;

  async function open(): Promise<void> {
    t = await pageUnderTest(
      [{ path: 'audits/respond/:token', component: AuditRespondPageComponent }],
      '/audits/respond/tok-1',
    );
  }

  const page = () => t.page();
  const answer = (index: number) => page().querySelector<HTMLElement>(`[data-testid="answer-${index}"]`);
  const radio = (index: number, label: 'Yes' | 'No') =>
    Array.from(answer(index)?.querySelectorAll<HTMLElement>('mat-radio-button') ?? [])
      .find((button) => text(button) === label)
      ?.querySelector<HTMLInputElement>('input');

  /** The question and answer of each line of the given answers. */
  const answerPairs = (root: Element | null) =>
    Array.from(root?.querySelectorAll('[data-testid="respond-given-answers"] div') ?? []).map((line) => [
      text(line.querySelector('dt')),
      text(line.querySelector('dd')),
    ]);

  async function shown(view = accessView()): Promise<void> {
    t.http.expectOne({ method: 'GET', url: URL }).flush(view);
    await t.stable();
  }

  async function refused(status: number, code: string, url = URL): Promise<void> {
    t.http.expectOne(url).flush({ statusCode: status, code, message: code }, { status, statusText: code });
    await t.stable();
  }

  beforeEach(open);
  afterEach(() => t.http.verify());

  it('shows who asks, the audit, its due date and its questions, required ones marked', async () => {
    await shown();
    expect(text(page().querySelector('h1'))).toBe('Annual GDPR audit');
    expect(text(page().querySelector('[data-testid="respond-organization"]'))).toBe(
      'Acme asks you to answer',
    );
    expect(text(page().querySelector('[data-testid="respond-due-date"]'))).toBe('June 30, 2999');
    expect([text(answer(0)?.querySelector('legend')), text(answer(1)?.querySelector('label'))]).toEqual([
      '1. Do you keep a register of processing activities? (required)',
      '2. Who is your DPO? (required)',
    ]);
    expect(text(answer(2)?.querySelector('label'))).toBe('3. Anything else?');
    expect(answer(0)?.querySelector('[role="radiogroup"]')?.getAttribute('aria-required')).toBe('true');
    expect(answer(1)?.querySelector('textarea')?.required).toBe(true);
  });

  it('says which required questions lack an answer and sends nothing', async () => {
    await shown();
    buttonNamed(page(), 'Submit my answers').click();
    await t.stable();

    expect(text(page().querySelector('[data-testid="respond-problem"]'))).toContain(
      '2 question(s) need your attention',
    );
    expect(text(answer(0)?.querySelector('.error'))).toBe('! An answer is required.');
    expect(answer(0)?.querySelector('[role="radiogroup"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(answer(1)?.querySelector('mat-error'))).toBe('An answer is required.');
    expect(answer(2)?.querySelector('mat-error')).toBeNull();
    t.http.expectNone({ method: 'POST', url: URL });
  });

  it('sends the answers, then thanks the respondent and shows what they answered', async () => {
    await shown();
    radio(0, 'No')?.click();
    await type(answer(1)?.querySelector('textarea') ?? null, ' Grace Hopper ');
    await t.stable();
    buttonNamed(page(), 'Submit my answers').click();

    const post = await eventually(() => t.http.match({ method: 'POST', url: URL })[0]);
    expect(post.request.body).toEqual({
      answers: [
        { questionId: 'q-1', value: false },
        { questionId: 'q-2', value: 'Grace Hopper' },
      ],
    });
    post.flush(
      accessView({
        answeredAt: '2025-03-05T09:00:00.000Z',
        answers: [
          { questionId: 'q-1', value: false },
          { questionId: 'q-2', value: 'Grace Hopper' },
        ],
      }),
    );
    await t.stable();

    const outcome = page().querySelector('[data-testid="respond-answered"]');
    expect(text(outcome?.querySelector('h2'))).toBe('Thank you');
    expect(answerPairs(outcome)).toEqual([
      ['Do you keep a register of processing activities?', 'No'],
      ['Who is your DPO?', 'Grace Hopper'],
      ['Anything else?', 'Not answered'],
    ]);
    expect(page().querySelector('form')).toBeNull();
  });

  it('shows the API’s reasons on the question they are about', async () => {
    await shown();
    radio(0, 'Yes')?.click();
    await type(answer(1)?.querySelector('textarea') ?? null, 'Grace');
    await t.stable();
    buttonNamed(page(), 'Submit my answers').click();
    const post = await eventually(() => t.http.match({ method: 'POST', url: URL })[0]);
    post.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Some fields are invalid.',
        errors: [{ field: 'answers[1].value', reason: 'must be at most 5000 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await t.stable();

    expect(text(answer(1)?.querySelector('mat-error'))).toBe(
      'Refused by the server: must be at most 5000 characters.',
    );
    expect(text(page().querySelector('[data-testid="respond-problem"]'))).toContain('1 question(s)');
  });

  it('opened again after answering, says so with the answers and offers no form', async () => {
    await shown(
      accessView({ answeredAt: '2025-03-05T09:00:00.000Z', answers: [{ questionId: 'q-1', value: true }] }),
    );
    expect(text(page().querySelector('[data-testid="respond-answered"] h2'))).toBe(
      'You have already answered',
    );
    expect(answerPairs(page())[0]).toEqual(['Do you keep a register of processing activities?', 'Yes']);
    expect(page().querySelector('form')).toBeNull();
  });

  it('shows the answers already given when a second submission is refused', async () => {
    await shown();
    radio(0, 'Yes')?.click();
    await type(answer(1)?.querySelector('textarea') ?? null, 'Grace');
    await t.stable();
    buttonNamed(page(), 'Submit my answers').click();
    const post = await eventually(() => t.http.match({ method: 'POST', url: URL })[0]);
    post.flush(
      { statusCode: 409, code: 'answers_already_submitted', message: 'Already' },
      { status: 409, statusText: 'Conflict' },
    );
    await t.stable();
    await shown(accessView({ answeredAt: '2025-03-05T09:00:00.000Z', answers: [] }));
    expect(text(page().querySelector('[data-testid="respond-answered"] h2'))).toBe(
      'You have already answered',
    );
  });

  it('tells an unknown or replaced link from an expired one', async () => {
    await refused(404, 'respondent_link_not_found');
    expect(text(page().querySelector('h1'))).toBe('This link does not work');
    expect(text(page().querySelector('[data-testid="respond-not-found"]'))).toContain('more recent reminder');

    TestBed.resetTestingModule();
    await open();
    await refused(409, 'respondent_link_expired');
    expect(text(page().querySelector('h1'))).toBe('This link has expired');
  });

  it('says when the audit has no questions yet', async () => {
    await shown(accessView({ questions: [] }));
    expect(text(page().querySelector('[data-testid="respond-no-questions"]'))).toContain('no questions yet');
  });
});
