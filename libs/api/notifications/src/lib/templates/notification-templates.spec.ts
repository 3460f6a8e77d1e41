import { TemplateRenderer } from '@mailroute/api/mail';
import { LOCALES } from '@mailroute/shared/contracts';
import { commentAddedTemplate, taskAssignedTemplate, taskCompletedTemplate } from './notification-templates';

const context = { organizationName: 'Acme', publicUrl: 'https://app.example.test' };

describe('notification templates', () => {
  const renderer = new TemplateRenderer();

  it.each(LOCALES)('render every kind in %s with a link under the public URL', (locale) => {
    const emails = [
      renderer.render(
        commentAddedTemplate,
        { actorName: 'Ann', activityId: 'a1', activityName: 'Payroll', excerpt: 'Hi' },
        { ...context, locale },
      ),
      renderer.render(
        taskAssignedTemplate,
        { actorName: 'Ann', taskId: 't1', taskTitle: 'Review', dueDate: '2025-06-30' },
        { ...context, locale },
      ),
      renderer.render(
        taskCompletedTemplate,
        { actorName: 'Ann', taskId: 't1', taskTitle: 'Review' },
        { ...context, locale },
      ),
    ];
    expect(emails[0]?.text).toContain('https://app.example.test/processing-activities/a1');
    expect(emails[1]?.text).toContain('https://app.example.test/tasks/t1');
    expect(emails[2]?.html).toContain('href="https://app.example.test/tasks/t1"');
    expect(emails.map((email) => email.html)).toEqual(
      emails.map(() => expect.stringContaining(`lang="${locale}"`)),
    );
  });

  it('speaks French in French', () => {
    const email = renderer.render(
      taskAssignedTemplate,
      { actorName: 'Ann', taskId: 't1', taskTitle: 'Revue', dueDate: null },
      { ...context, locale: 'fr' },
    );
    expect(email.subject).toBe('Ann vous a assigné une tâche : Revue');
    expect(email.text).not.toContain('Échéance');
  });

  it('escapes what users typed in the HTML part', () => {
    const email = renderer.render(
      commentAddedTemplate,
      { actorName: '<b>Eve</b>', activityId: 'a1', activityName: 'CRM', excerpt: '<script>x</script>' },
      { ...context, locale: 'en' },
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });
});
