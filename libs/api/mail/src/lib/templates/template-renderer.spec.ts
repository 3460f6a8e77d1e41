import type { Locale } from '@mailroute/shared/contracts';
import { defineMailTemplate, type MailRenderContext, type MailTemplate } from './mail-template';
import { MailTemplateRenderError, TemplateRenderer } from './template-renderer';

const greeting = defineMailTemplate<{ name: string; comment: string }>({
  name: 'test.greeting',
  subject: { en: 'Hello {{name}}', fr: 'Bonjour {{name}}' },
  text: { en: 'Hello {{name}}, {{comment}}', fr: 'Bonjour {{name}}, {{comment}}' },
  html: { en: '<p>Hello {{name}}, {{comment}}</p>', fr: '<p>Bonjour {{name}}, {{comment}}</p>' },
});

function context(locale: Locale = 'en', organizationName = 'Acme'): MailRenderContext {
  return { locale, organizationName, publicUrl: 'https://mail.example.com' };
}

describe('TemplateRenderer', () => {
  it('renders the English parts', () => {
    const email = new TemplateRenderer().render(greeting, { name: 'Ada', comment: 'welcome' }, context('en'));

    expect(email.subject).toBe('Hello Ada');
    expect(email.text).toBe('Hello Ada, welcome\n\n-- \nSent by Mailroute for Acme\n');
    expect(email.html).toContain('<p>Hello Ada, welcome</p>');
  });

  it('renders the French parts', () => {
    const email = new TemplateRenderer().render(
      greeting,
      { name: 'Ada', comment: 'bienvenue' },
      context('fr'),
    );

    expect(email.subject).toBe('Bonjour Ada');
    expect(email.text).toBe('Bonjour Ada, bienvenue\n\n-- \nEnvoyé par Mailroute pour Acme\n');
    expect(email.html).toContain('<p>Bonjour Ada, bienvenue</p>');
    expect(email.html).toContain('Envoyé par Mailroute pour Acme');
  });

  it('escapes data in the HTML part and leaves the text part as written', () => {
    const comment = '<script>alert("x")</script> & <b>bold</b>';
    const email = new TemplateRenderer().render(greeting, { name: 'Ada', comment }, context());

    expect(email.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
    );
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain(comment);
  });

  it('does not HTML-escape the subject', () => {
    const email = new TemplateRenderer().render(
      greeting,
      { name: 'Tom & "Jerry" <tj>', comment: '' },
      context(),
    );

    expect(email.subject).toBe('Hello Tom & "Jerry" <tj>');
  });

  it('names the template and the missing field when the data lacks one', () => {
    const renderer = new TemplateRenderer();
    // @ts-expect-error `comment` is required by the template's data type
    const render = () => renderer.render(greeting, { name: 'Ada' }, context('fr'));

    expect(render).toThrow(MailTemplateRenderError);
    expect(render).toThrow(
      'Cannot render mail template "test.greeting" (fr, text): the data has no "comment"',
    );
  });

  it('names a nested path that is missing', () => {
    const nested = defineMailTemplate<{ author: { name: string } }>({
      name: 'test.nested',
      subject: { en: 'New comment', fr: 'Nouveau commentaire' },
      text: { en: 'By {{author.name}}', fr: 'Par {{author.name}}' },
      html: { en: '<p>By {{author.name}}</p>', fr: '<p>Par {{author.name}}</p>' },
    });

    try {
      // @ts-expect-error `name` is required by the template's data type
      new TemplateRenderer().render(nested, { author: {} }, context());
      throw new Error('expected a render error');
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(MailTemplateRenderError);
      expect(error).toMatchObject({
        templateName: 'test.nested',
        locale: 'en',
        part: 'text',
        field: 'author.name',
      });
    }
  });

  it('keeps the subject on one line whatever the data holds', () => {
    const email = new TemplateRenderer().render(
      greeting,
      { name: 'Ada\r\nBcc: victim@example.com\u0000\u2028x', comment: '' },
      context(),
    );

    expect(email.subject).toBe('Hello Ada Bcc: victim@example.com x');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('cuts the subject to 250 characters', () => {
    const email = new TemplateRenderer().render(greeting, { name: 'é'.repeat(400), comment: '' }, context());

    expect(Array.from(email.subject)).toHaveLength(250);
    expect(email.subject.endsWith('…')).toBe(true);
  });

  it("frames the HTML part in the layout with the organization's name and the locale", () => {
    const email = new TemplateRenderer().render(
      greeting,
      { name: 'Ada', comment: '' },
      context('fr', 'Dupont & Fils'),
    );

    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('<html lang="fr"');
    expect(email.html).toMatch(/<h1[^>]*>Dupont &amp; Fils<\/h1>/);
    expect(email.html).toContain('Envoyé par Mailroute pour Dupont &amp; Fils');
    expect(email.html).toContain('<title>Bonjour Ada</title>');
  });

  it('gives templates the organization name and public URL, which data cannot override', () => {
    const links = defineMailTemplate<{ path: string }>({
      name: 'test.links',
      subject: { en: '{{organizationName}}', fr: '{{organizationName}}' },
      text: { en: '{{publicUrl}}{{path}} ({{locale}})', fr: '{{publicUrl}}{{path}} ({{locale}})' },
      html: {
        en: '<a href="{{publicUrl}}{{path}}">open</a>',
        fr: '<a href="{{publicUrl}}{{path}}">ouvrir</a>',
      },
    });
    // Extra properties pass the type check when they come in a variable, so the runtime guards too.
    const forged = { path: '/settings', organizationName: 'Evil Corp' };

    const email = new TemplateRenderer().render(links, forged, context('en', 'Acme'));

    expect(email.subject).toBe('Acme');
    expect(email.text).toMatch(/^https:\/\/mail\.example\.com\/settings \(en\)/);
  });

  it('reuses compiled templates within an instance', () => {
    const renderer = new TemplateRenderer();
    const first = renderer.render(greeting, { name: 'Ada', comment: 'one' }, context());
    const second = renderer.render(greeting, { name: 'Bob', comment: 'two' }, context());

    expect(first.subject).toBe('Hello Ada');
    expect(second.subject).toBe('Hello Bob');
  });

  it('refuses two different templates under one name rather than send the wrong one', () => {
    const renderer = new TemplateRenderer();
    const impostor = defineMailTemplate<{ name: string; comment: string }>({
      ...greeting,
      subject: { en: 'Bye {{name}}', fr: 'Salut {{name}}' },
    });
    renderer.render(greeting, { name: 'Ada', comment: '' }, context());

    expect(() => renderer.render(impostor, { name: 'Ada', comment: '' }, context())).toThrow(
      'names must be unique',
    );
  });

  it('does not resolve properties from prototypes', () => {
    const proto = defineMailTemplate<{ item: { label: string } }>({
      name: 'test.proto',
      subject: { en: '{{item.label}}', fr: '{{item.label}}' },
      text: {
        en: '[{{item.__proto__}}][{{item.constructor}}][{{lookup item "constructor"}}]',
        fr: '[{{item.__proto__}}][{{item.constructor}}][{{lookup item "constructor"}}]',
      },
      html: { en: '<p>{{item.label}}</p>', fr: '<p>{{item.label}}</p>' },
    });

    const email = new TemplateRenderer().render(proto, { item: { label: 'x' } }, context());

    expect(email.text).toMatch(/^\[\]\[\]\[\]\n/);
  });

  it('treats a path through a prototype as missing', () => {
    const proto = defineMailTemplate<{ item: { label: string } }>({
      name: 'test.proto_path',
      subject: { en: '{{item.constructor.name}}', fr: '{{item.constructor.name}}' },
      text: { en: '{{item.label}}', fr: '{{item.label}}' },
      html: { en: '{{item.label}}', fr: '{{item.label}}' },
    });

    expect(() => new TemplateRenderer().render(proto, { item: { label: 'x' } }, context())).toThrow(
      'Cannot render mail template "test.proto_path" (en, subject): the data has no "item.constructor.name"',
    );
  });

  it('allows no helper besides the built-in ones', () => {
    const unknownHelper = defineMailTemplate<{ name: string }>({
      name: 'test.helper',
      subject: { en: '{{shout name}}', fr: '{{shout name}}' },
      text: { en: '{{name}}', fr: '{{name}}' },
      html: { en: '{{name}}', fr: '{{name}}' },
    });

    expect(() => new TemplateRenderer().render(unknownHelper, { name: 'Ada' }, context())).toThrow(
      /mail template "test.helper" \(en, subject\).*unknown helper shout/,
    );
  });
});

describe('defineMailTemplate', () => {
  it('refuses, at compile time, a data type that redefines a context name', () => {
    const parts = { en: '{{organizationName}}', fr: '{{organizationName}}' };
    // @ts-expect-error `organizationName` belongs to the render context
    const template = defineMailTemplate<{ organizationName: string }>({
      name: 'test.forged',
      subject: parts,
      text: parts,
      html: parts,
    });

    expect(template.name).toBe('test.forged');
  });

  it('ties a template to its data type', () => {
    const renderer = new TemplateRenderer();

    // @ts-expect-error `comment` must be a string
    expect(() => renderer.render(greeting, { name: 'Ada', comment: 42 }, context())).not.toThrow();
    // @ts-expect-error a template for other data is not accepted for this data
    const other: MailTemplate<{ name: string }> = greeting;
    expect(other.name).toBe('test.greeting');
  });

  it('refuses a name that is not dotted lowercase words', () => {
    const parts = { en: 'x', fr: 'x' };

    expect(() => defineMailTemplate({ name: 'Bad Name', subject: parts, text: parts, html: parts })).toThrow(
      'must be lowercase words',
    );
    expect(() =>
      defineMailTemplate({ name: 'notifications.comment_added', subject: parts, text: parts, html: parts }),
    ).not.toThrow();
  });
});
