import type { TestRequest } from '@angular/common/http/testing';
import { AUDIT_ID, answered, auditDetail, eventually, invited } from '../testing/audit-fixtures';
import { buttonNamed, type PageUnderTest, pageUnderTest, text, type } from '../testing/page-harness';
import { AuditDetailPageComponent } from './audit-detail-page.component';

const URL = `/api/audits/${AUDIT_ID}`;

describe('AuditDetailPageComponent', () => {
  let t: PageUnderTest;
  const page = () => t.page();
  const row = (email: string) => page().querySelector<HTMLElement>(`tr[data-respondent="${email}"]`);

  async function shown(view = auditDetail()): Promise<void> {
    t.http.expectOne({ method: 'GET', url: URL }).flush(view);
    await t.stable();
  }

  async function nextRequest(method: string, url: string): Promise<TestRequest> {
    return eventually(() => t.http.match({ method, url })[0]);
  }

  beforeEach(async () => {
    t = await pageUnderTest(
      [{ path: 'audits/:id', component: AuditDetailPageComponent }],
      `/audits/${AUDIT_ID}`,
    );
  });
  afterEach(() => t.http.verify());

  it('shows each respondent’s status in words with its dates, and why an answered one gets no reminder', async () => {
    await shown();
    expect(text(page().querySelector('h1'))).toBe('Annual GDPR audit');
    expect(text(page().querySelector('[data-testid="audit-answered"]'))).toBe('1 of 2 answered');

    const waiting = row(invited.email);
    expect(text(waiting?.querySelector('[data-status] .status-text'))).toBe('Invited');
    expect(text(waiting?.querySelector('.dates'))).toContain('Invited Mar 2, 2025');
    expect(text(waiting?.querySelector('.dates'))).toContain('Link works until');
    expect(text(waiting)).toContain('Français');
    expect(waiting?.querySelector('button')?.disabled).toBe(false);

    const done = row(answered.email);
    expect(text(done?.querySelector('[data-status] .status-text'))).toBe('Answered');
    expect(text(done?.querySelector('.dates'))).toContain('Last reminded Mar 4, 2025');
    expect(text(done?.querySelector('.dates'))).toContain('(1 in all)');
    expect(text(done?.querySelector('.dates'))).toContain('Answered Mar 5, 2025');
    expect(text(done)).toContain('The organization’s language');
    const button = done?.querySelector('button');
    expect(button?.disabled).toBe(true);
    const why = page().querySelector(`#${button?.getAttribute('aria-describedby') ?? 'none'}`);
    expect(text(why)).toBe('Already answered: no reminder needed.');
  });

  it('locks the questions once someone answered and says why', async () => {
    await shown();
    expect(text(page().querySelector('[data-testid="questions-locked"]'))).toContain(
      'a respondent has answered',
    );
    expect(page().querySelector('form.edit-questions')).toBeNull();
    expect(text(page().querySelector('.question-view'))).toContain('Who is your DPO? Text · required');
  });

  it('shows each answered respondent’s answers beside the questions, for those who may read them', async () => {
    await shown();
    const sheet = page().querySelector(`[data-answers-of="${answered.email}"]`);
    expect(text(sheet?.querySelector('h3'))).toBe(answered.email);
    expect(
      Array.from(sheet?.querySelectorAll('dl div') ?? []).map((line) => [
        text(line.querySelector('dt')),
        text(line.querySelector('dd')),
      ]),
    ).toEqual([
      ['Do you keep a register of processing activities?', 'Yes'],
      ['Who is your DPO?', 'Grace Hopper'],
      ['Anything else?', 'Not answered'],
    ]);
  });

  it('tells a member that only admins and the creator read the answers', async () => {
    await shown(auditDetail({ canReadAnswers: false, respondents: [{ ...answered, answers: null }] }));
    expect(text(page().querySelector('[data-testid="answers-restricted"]'))).toContain(
      'Only the organization’s admins and the audit’s creator',
    );
    expect(page().querySelector('[data-answers-of]')).toBeNull();
  });

  it('saves edited questions while no one has answered', async () => {
    await shown(auditDetail({ answeredCount: 0, respondents: [invited] }));
    const texts = () =>
      page().querySelectorAll<HTMLInputElement>('form.edit-questions input[formcontrolname="text"]');
    expect(texts()).toHaveLength(3);
    await type(texts()[1] ?? null, 'Who is your data protection officer?');
    buttonNamed(page(), 'Remove').click(); // the first question
    await t.stable();
    buttonNamed(page(), 'Save the questions').click();

    const put = await nextRequest('PUT', `${URL}/questions`);
    expect(put.request.body).toEqual({
      questions: [
        { text: 'Who is your data protection officer?', kind: 'text', required: true },
        { text: 'Anything else?', kind: 'text', required: false },
      ],
    });
    put.flush([
      { id: 'q-2', text: 'Who is your data protection officer?', kind: 'text', required: true, position: 0 },
      { id: 'q-3', text: 'Anything else?', kind: 'text', required: false, position: 1 },
    ]);
    await t.stable();
    expect(text(page().querySelector('[data-testid="questions-saved"]'))).toBe('Questions saved.');
    expect(text(page().querySelector('#questions-heading'))).toBe('Questions (2)');
  });

  it('shows the questions locked when someone answered before the save', async () => {
    await shown(auditDetail({ answeredCount: 0, respondents: [invited] }));
    buttonNamed(page(), 'Save the questions').click();
    (await nextRequest('PUT', `${URL}/questions`)).flush(
      { statusCode: 409, code: 'audit_questions_locked', message: 'Locked' },
      { status: 409, statusText: 'Conflict' },
    );
    await shown();
    expect(page().querySelector('[data-testid="questions-locked"]')).not.toBeNull();
  });

  it('adds a respondent with their language, then shows them invited', async () => {
    await shown(auditDetail({ respondents: [] }));
    expect(page().querySelector('[data-testid="respondents-empty"]')).not.toBeNull();
    const form = page().querySelector<HTMLElement>('form.add-respondent');
    await type(form?.querySelector('input[formcontrolname="email"]') ?? null, ' ada@partner.test ');
    await type(form?.querySelector('input[formcontrolname="name"]') ?? null, 'Ada');
    await t.stable();
    buttonNamed(page(), 'Add and send the invitation').click();

    const post = await nextRequest('POST', `${URL}/respondents`);
    expect(post.request.body).toEqual({ email: 'ada@partner.test', name: 'Ada' });
    post.flush(invited);
    await shown(auditDetail({ respondents: [invited] }));
    expect(text(row(invited.email)?.querySelector('[data-status] .status-text'))).toBe('Invited');
    expect(text(page().querySelector('mr-live-region'))).toBe(
      'ada@partner.test was added and their invitation is on its way.',
    );
  });

  it('says on the email field that the address is already a respondent', async () => {
    await shown();
    const form = page().querySelector<HTMLElement>('form.add-respondent');
    await type(form?.querySelector('input[formcontrolname="email"]') ?? null, invited.email);
    await t.stable();
    buttonNamed(page(), 'Add and send the invitation').click();
    (await nextRequest('POST', `${URL}/respondents`)).flush(
      { statusCode: 409, code: 'respondent_already_invited', message: 'Already' },
      { status: 409, statusText: 'Conflict' },
    );
    await t.stable();
    expect(text(form?.querySelector('mat-error'))).toContain('already a respondent of the audit');
  });

  it('asks for a well-formed address before sending anything', async () => {
    await shown();
    const form = page().querySelector<HTMLElement>('form.add-respondent');
    await type(form?.querySelector('input[formcontrolname="email"]') ?? null, 'not-an-address');
    await t.stable();
    buttonNamed(page(), 'Add and send the invitation').click();
    await t.stable();
    expect(text(form?.querySelector('mat-error'))).toBe('Enter an email address like name@example.com.');
    t.http.expectNone({ method: 'POST', url: `${URL}/respondents` });
  });

  it('sends a reminder and shows the respondent reminded', async () => {
    await shown();
    row(invited.email)?.querySelector('button')?.click();
    (await nextRequest('POST', `${URL}/respondents/r-1/remind`)).flush({ ...invited, status: 'reminded' });
    await shown(
      auditDetail({
        respondents: [
          { ...invited, status: 'reminded', lastRemindedAt: '2025-03-06T09:00:00.000Z', reminderCount: 1 },
          answered,
        ],
      }),
    );
    expect(text(row(invited.email)?.querySelector('[data-status] .status-text'))).toBe('Reminded');
    expect(text(page().querySelector('mr-live-region'))).toContain('Reminder sent to ada@partner.test');
  });

  it('says so when the audit does not exist', async () => {
    t.http
      .expectOne(URL)
      .flush(
        { statusCode: 404, code: 'audit_not_found', message: 'Nope' },
        { status: 404, statusText: 'Not Found' },
      );
    await t.stable();
    expect(text(page().querySelector('h1'))).toBe('Audit not found');
  });

  it('offers to retry when the audit could not be loaded', async () => {
    t.http.expectOne(URL).flush('boom', { status: 500, statusText: 'Server Error' });
    await t.stable();
    expect(text(page().querySelector('mr-load-error'))).toContain('The audit could not be loaded.');
    buttonNamed(page(), 'Try again').click();
    await shown();
    expect(text(page().querySelector('h1'))).toBe('Annual GDPR audit');
  });
});
