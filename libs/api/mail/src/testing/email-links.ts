import { LOCALES, type Locale, webPageOf } from '@mailroute/shared/contracts';
import type { MailTemplate } from '../lib/templates/mail-template';
import { type RenderedEmail, TemplateRenderer } from '../lib/templates/template-renderer';

/** The base of links in the samples: an address no real page has. */
export const SAMPLE_PUBLIC_URL = 'https://mailroute.example.test';

/** Every link of an email into the web app: the hrefs of its HTML part and the URLs of its text part. */
export function webAppLinks(email: RenderedEmail, publicUrl = SAMPLE_PUBLIC_URL): string[] {
  const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
  const urls = [...email.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
  return [...hrefs, ...urls].filter((link) => link.startsWith(publicUrl));
}

export interface LinkedPage {
  locale: Locale;
  link: string;
  /** The page of the web app the link opens, or null: a link to no page. */
  page: string | null;
}

/** A template rendered with sample data in every language, and the page each of its links opens. */
export function linkedPages<TData>(template: MailTemplate<TData>, sample: NoInfer<TData>): LinkedPage[] {
  const renderer = new TemplateRenderer();
  return LOCALES.flatMap((locale) =>
    webAppLinks(
      renderer.render(template, sample, { locale, organizationName: 'Acme', publicUrl: SAMPLE_PUBLIC_URL }),
    ).map((link) => {
      const path = new URL(link).pathname;
      return { locale, link, page: webPageOf(path) };
    }),
  );
}

function isMailTemplate(value: unknown): value is MailTemplate<object> {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['name', 'subject', 'text', 'html'].every((key) => key in value)
  );
}

/** Every template a module exports (`import * as templates from './x.template'`), so a new one is not forgotten. */
export function templatesOf(module: Record<string, unknown>): MailTemplate<object>[] {
  return Object.values(module).filter(isMailTemplate);
}
