import { Injectable } from '@nestjs/common';
import type { Locale } from '@mailroute/shared/contracts';
import Handlebars from 'handlebars';
import { htmlLayoutSource, textLayoutSource } from './layout';
import { toSafeSubject } from './mail-subject';
import type { MailRenderContext, MailTemplate, MailTemplatePart } from './mail-template';

export interface RenderedEmail {
  /** One line, at most 250 characters, safe for the Subject header. */
  subject: string;
  /** The plain-text part, with the layout's footer. */
  text: string;
  /** The HTML part: a complete document in the shared layout. */
  html: string;
}

/** A template could not be rendered: a bug in the template or in the data given to it. */
export class MailTemplateRenderError extends Error {
  constructor(
    readonly templateName: string,
    readonly locale: Locale,
    readonly part: MailTemplatePart | 'layout',
    /** The data field the template asked for and did not get, when that is the problem. */
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'MailTemplateRenderError';
  }
}

interface Compiled {
  source: string;
  render: Handlebars.TemplateDelegate;
}

/** Reserved for the layout in the compiled cache; template names cannot contain "@". */
const LAYOUT = '@layout';

/**
 * Renders email templates with Handlebars, in a Handlebars environment of its own (no helper or
 * partial registered elsewhere reaches it) and with:
 * - strict mode: a field the data lacks throws {@link MailTemplateRenderError} naming the template
 *   and the field, rather than sending a half-empty email;
 * - only the built-in helpers (`knownHelpersOnly`) and no prototype access;
 * - HTML escaping in the HTML part only: the subject and the text part are not HTML, so `<b>`
 *   stays `<b>` there; the subject is then flattened to one line (see `toSafeSubject`).
 * Compiled templates are kept per (template name, locale, part) in this instance.
 */
@Injectable()
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();

  render<TData>(
    template: MailTemplate<TData>,
    data: NoInfer<TData>,
    context: MailRenderContext,
  ): RenderedEmail {
    const { locale } = context;
    // The context comes last: data cannot override who the email is from.
    const values = {
      ...data,
      locale,
      organizationName: context.organizationName,
      publicUrl: context.publicUrl,
    };

    const subject = toSafeSubject(
      this.run(template.name, locale, 'subject', template.subject[locale], values),
    );
    const textBody = this.run(template.name, locale, 'text', template.text[locale], values).trim();
    const htmlBody = this.run(template.name, locale, 'html', template.html[locale], values).trim();

    const frame = { locale, organizationName: context.organizationName, subject };
    return {
      subject,
      text: this.run(
        LAYOUT,
        locale,
        'text',
        textLayoutSource(locale),
        { ...frame, body: textBody },
        template.name,
      ),
      html: this.run(
        LAYOUT,
        locale,
        'html',
        htmlLayoutSource(locale),
        { ...frame, body: htmlBody },
        template.name,
      ),
    };
  }

  private run(
    name: string,
    locale: Locale,
    part: MailTemplatePart,
    source: string,
    values: object,
    /** For the layout: the template being framed, named in errors. */
    framing?: string,
  ): string {
    const templateName = framing ?? name;
    const errorPart = framing === undefined ? part : 'layout';
    try {
      return this.compile(
        name,
        locale,
        part,
        source,
      )(values, {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
        allowCallsToHelperMissing: false,
      });
    } catch (error: unknown) {
      if (error instanceof MailTemplateRenderError) {
        throw error;
      }
      const reason = error instanceof Error ? error.message : String(error);
      const field = missingField(reason, source);
      const where = `mail template "${templateName}" (${locale}, ${errorPart})`;
      throw new MailTemplateRenderError(
        templateName,
        locale,
        errorPart,
        field,
        field === null
          ? `Cannot render ${where}: ${reason}`
          : `Cannot render ${where}: the data has no "${field}"`,
      );
    }
  }

  private compile(
    name: string,
    locale: Locale,
    part: MailTemplatePart,
    source: string,
  ): Handlebars.TemplateDelegate {
    const key = `${name}\u0000${locale}\u0000${part}`;
    const cached = this.compiled.get(key);
    if (cached) {
      if (cached.source !== source) {
        // Two different templates share a name: rendering one with the other's cached source
        // would send the wrong email.
        throw new MailTemplateRenderError(
          name,
          locale,
          part,
          null,
          `Two different mail templates are named "${name}": names must be unique`,
        );
      }
      return cached.render;
    }
    const render = this.handlebars.compile(source, {
      strict: true,
      knownHelpersOnly: true,
      noEscape: part !== 'html',
    });
    this.compiled.set(key, { source, render });
    return render;
  }
}

/**
 * The field a strict-mode error is about. Handlebars says `"name" not defined in [object Object] - 3:12`
 * with the position of the expression; the whole path (`user.name`) is read from the source there.
 */
function missingField(reason: string, source: string): string | null {
  const match = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/s.exec(reason);
  if (!match) {
    return null;
  }
  const [, name = '', line, column] = match;
  const expression = /^[^\s}]+/.exec(source.split('\n')[Number(line) - 1]?.slice(Number(column)) ?? '')?.[0];
  return expression !== undefined && expression.endsWith(name) ? expression : name;
}
