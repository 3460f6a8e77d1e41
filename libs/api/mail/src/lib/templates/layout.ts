import type { Locale, LocalizedText } from '@mailroute/shared/contracts';

/**
 * The frame every email is sent in: the organization's name as the header, the template's body,
 * and a footer saying who sent it. Handlebars sources, rendered with `organizationName`, `locale`,
 * `subject` (escaped) and `body` (the template's already rendered part, inserted as is).
 */

const FOOTER: LocalizedText = {
  en: 'Sent by Mailroute for {{organizationName}}',
  fr: 'Envoyé par Mailroute pour {{organizationName}}',
};

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/**
 * Tables for layout because several email clients (Outlook on Windows) ignore CSS layout; inline
 * styles because many drop `<style>`. `role="presentation"` keeps screen readers from announcing
 * the layout tables; colours keep a contrast ratio above 4.5:1 (WCAG AA).
 */
export function htmlLayoutSource(locale: Locale): string {
  return `<!DOCTYPE html>
<html lang="{{locale}}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
<tr>
<td style="padding:20px 28px;border-bottom:1px solid #e5e7eb;">
<h1 style="margin:0;${FONT};font-size:20px;line-height:28px;font-weight:600;color:#111827;">{{organizationName}}</h1>
</td>
</tr>
<tr>
<td style="padding:24px 28px;${FONT};font-size:16px;line-height:24px;color:#1f2937;">
{{{body}}}
</td>
</tr>
<tr>
<td style="padding:16px 28px;border-top:1px solid #e5e7eb;${FONT};font-size:13px;line-height:20px;color:#4b5563;">
${FOOTER[locale]}
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}

/** The plain-text part: the body, then a signature block ("-- " line, RFC 3676 §4.3). */
export function textLayoutSource(locale: Locale): string {
  return `{{{body}}}\n\n-- \n${FOOTER[locale]}\n`;
}
