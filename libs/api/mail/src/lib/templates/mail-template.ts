import type { Locale, LocalizedText } from '@mailroute/shared/contracts';

export type MailTemplatePart = 'subject' | 'text' | 'html';

/** What the renderer gives every template besides its own data, under these names. */
export interface MailRenderContext {
  locale: Locale;
  /** The sending organization, shown in the layout's header and footer. */
  organizationName: string;
  /** Base of links, without a trailing slash (AppConfig.publicUrl). */
  publicUrl: string;
}

/**
 * The shape every template's data must have: an object that does not redefine the context's names,
 * so a template cannot be handed a forged organization name (the context always wins at runtime;
 * this makes the mistake a compile error).
 */
export type MailTemplateData = object & { readonly [K in keyof MailRenderContext]?: never };

export interface MailTemplateDefinition {
  /** Unique across the application, e.g. `notifications.comment_added`: keys the compiled cache. */
  name: string;
  /** One Handlebars source per locale, for each part. */
  subject: LocalizedText;
  text: LocalizedText;
  html: LocalizedText;
}

declare const templateData: unique symbol;

/**
 * A template tied to the type of its data: `TemplateRenderer.render(template, data)` only compiles
 * with the data that template expects. The tie is type-only (the property never exists at runtime)
 * and invariant, so a template for `{ host: string }` is no template for `{}`. `TData` is checked
 * against {@link MailTemplateData} where templates are made, by {@link defineMailTemplate}.
 */
export interface MailTemplate<TData> extends Readonly<MailTemplateDefinition> {
  readonly [templateData]?: (data: TData) => TData;
}

/** The data type of a template, e.g. `MailTemplateDataOf<typeof smtpTestTemplate>`. */
export type MailTemplateDataOf<T> = T extends MailTemplate<infer TData> ? TData : never;

/** Lowercase words with `_` or `-`, separated by dots. Never `@`, which the layout's cache key uses. */
const TEMPLATE_NAME = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/;

/**
 * Declares an email template: Handlebars sources for the subject, the plain-text part and the HTML
 * part (the HTML part is wrapped in the shared layout, and HTML-escapes every `{{value}}`), in each
 * locale. Data fields are referred to by name (`{{host}}`), as are `{{organizationName}}`,
 * `{{publicUrl}}` and `{{locale}}`. No helpers besides Handlebars' built-in ones (`#if`, `#each`…).
 */
export function defineMailTemplate<TData extends MailTemplateData>(
  definition: MailTemplateDefinition,
): MailTemplate<TData> {
  if (!TEMPLATE_NAME.test(definition.name)) {
    throw new Error(
      `Mail template name "${definition.name}" must be lowercase words separated by dots, e.g. "notifications.comment_added"`,
    );
  }
  const copy = (source: LocalizedText): LocalizedText => Object.freeze({ en: source.en, fr: source.fr });
  return Object.freeze({
    name: definition.name,
    subject: copy(definition.subject),
    text: copy(definition.text),
    html: copy(definition.html),
  });
}
