import { TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { Router } from '@angular/router';
import { AUDIT_ID, auditLine, eventually } from '../testing/audit-fixtures';
import { buttonNamed, type PageUnderTest, pageUnderTest, text, type } from '../testing/page-harness';
import { AuditsPageComponent } from './audits-page.component';

@Component({ template: 'audit page' })
class AuditStub {}

const LIST = '/api/audits';

describe('AuditsPageComponent', () => {
  let t: PageUnderTest;
  const page = () => t.page();

  async function listed(items = [auditLine]): Promise<void> {
    t.http
      .expectOne((request) => request.url === LIST && request.method === 'GET')
      .flush({
        items,
        total: items.length,
        page: 1,
        pageSize: 25,
      });
    await t.stable();
  }

  beforeEach(async () => {
    t = await pageUnderTest(
      [
        { path: 'audits', component: AuditsPageComponent },
        { path: 'audits/:id', component: AuditStub },
      ],
      '/audits',
    );
  });
  afterEach(() => t.http.verify());

  it('lists the audits with their due date, questions and answers, each linking to its page', async () => {
    await listed([
      auditLine,
      { ...auditLine, id: 'a-2', title: 'Open audit', dueDate: null, answeredCount: 0 },
    ]);
    const rows = Array.from(page().querySelectorAll('[data-testid="audit-list"] tbody tr'));
    expect(rows.map((row) => Array.from(row.querySelectorAll('td')).slice(0, 4).map(text))).toEqual([
      ['Annual GDPR audit', 'Jun 30, 2999', '3', '1 of 2 answered'],
      ['Open audit', 'No due date', '3', '0 of 2 answered'],
    ]);
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe(`/audits/${AUDIT_ID}`);
  });

  it('says when there is no audit yet', async () => {
    await listed([]);
    expect(text(page().querySelector('[data-testid="audits-empty"]'))).toContain('No audit yet');
  });

  it('offers to retry when the list could not be loaded', async () => {
    t.http.expectOne((request) => request.url === LIST).flush('boom', { status: 500, statusText: 'Error' });
    await t.stable();
    expect(text(page().querySelector('mr-load-error'))).toContain('The audits could not be loaded.');
    buttonNamed(page(), 'Try again').click();
    await listed();
    expect(page().querySelector('mr-load-error')).toBeNull();
  });

  describe('a new audit', () => {
    const form = () => page().querySelector<HTMLElement>('form.create-audit');
    const questionTexts = () =>
      Array.from(form()?.querySelectorAll<HTMLInputElement>('input[formcontrolname="text"]') ?? []);

    beforeEach(async () => {
      await listed();
      buttonNamed(page(), 'New audit').click();
      await t.stable();
    });

    it('starts with one required yes/no question and refuses to send an empty one', async () => {
      await type(form()?.querySelector('#audit-title') ?? null, 'Supplier audit');
      await t.stable();
      buttonNamed(page(), 'Create the audit').click();
      await t.stable();
      expect(text(page().querySelector('[data-testid="create-audit-problem"]'))).toContain(
        'correct the marked fields',
      );
      expect(text(form()?.querySelector('[data-testid="question-0"] mat-error'))).toBe('Fill in this field.');
      t.http.expectNone({ method: 'POST', url: LIST });
    });

    it('sends its questions in their order, and opens the new audit', async () => {
      await type(form()?.querySelector('#audit-title') ?? null, ' Supplier audit ');
      await type(questionTexts()[0] ?? null, 'Who is your DPO?');
      buttonNamed(page(), 'Add a question').click();
      await t.stable();
      await type(questionTexts()[1] ?? null, 'Do you keep a register?');
      await t.stable();
      form()
        ?.querySelector<HTMLInputElement>(
          '[data-testid="question-0"] mat-radio-button[value="text"] input, [data-testid="question-0"] input[value="text"]',
        )
        ?.click();
      Array.from(form()?.querySelectorAll<HTMLButtonElement>('[data-testid="question-1"] button') ?? [])
        .find((button) => text(button) === 'Move up')
        ?.click();
      await t.stable();
      buttonNamed(page(), 'Create the audit').click();

      const post = await eventually(() => t.http.match({ method: 'POST', url: LIST })[0]);
      expect(post.request.body).toEqual({
        title: 'Supplier audit',
        dueDate: null,
        questions: [
          { text: 'Do you keep a register?', kind: 'yes_no', required: true },
          { text: 'Who is your DPO?', kind: 'text', required: true },
        ],
      });
      post.flush({ ...auditLine, id: 'new-audit' });
      await eventually(() => TestBed.inject(Router).url === '/audits/new-audit');
    });

    it('shows the API’s reasons on the question and the field they name', async () => {
      await type(form()?.querySelector('#audit-title') ?? null, 'Supplier audit');
      await type(questionTexts()[0] ?? null, 'Fine?');
      buttonNamed(page(), 'Add a question').click();
      await t.stable();
      await type(questionTexts()[1] ?? null, 'Hidden\u202Etext');
      await t.stable();
      buttonNamed(page(), 'Create the audit').click();
      (await eventually(() => t.http.match({ method: 'POST', url: LIST })[0])).flush(
        {
          statusCode: 400,
          code: 'validation_failed',
          message: 'Some fields are invalid.',
          errors: [
            { field: 'questions[1].text', reason: 'must not contain bidirectional control characters' },
            { field: 'dueDate', reason: 'must be today or later' },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await t.stable();
      expect(text(form()?.querySelector('[data-testid="question-1"] mat-error'))).toBe(
        'Refused by the server: must not contain bidirectional control characters.',
      );
      expect(form()?.querySelector('[data-testid="question-0"] mat-error')).toBeNull();
      expect(
        text(
          form()?.querySelector('input[type="date"]')?.closest('mat-form-field')?.querySelector('mat-error'),
        ),
      ).toBe('Refused by the server: must be today or later.');
    });
  });
});
