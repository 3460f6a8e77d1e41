import { isEmail } from 'class-validator';

/**
 * One plain address (`name@example.com`) and nothing else: no display name, no list, no
 * whitespace, no CR/LF or other control character. Anything that reaches a header or an SMTP
 * command goes through this first (header injection, an added recipient, and address notations
 * that confused other mailers' parsers). The one rule for every address Mailroute sends to or
 * from: recipients and reply-to of `MailerService.send`, and the sender, reply-to and test
 * recipient of an organization's SMTP settings.
 */
export function isSingleAddress(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 320 &&
    !/[\s,;<>"()]/.test(value) &&
    !/\p{Cc}/u.test(value) &&
    isEmail(value, { allow_display_name: false, require_tld: false, allow_ip_domain: false })
  );
}
