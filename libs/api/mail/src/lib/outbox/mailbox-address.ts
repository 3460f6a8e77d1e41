import { isEmail } from 'class-validator';

/**
 * One plain address (`name@example.com`) and nothing else: no display name, no list, no CR/LF.
 * Anything that reaches a header goes through this first (header injection, and address
 * notations that confused other mailers' parsers).
 */
export function isSingleAddress(value: string): boolean {
  return (
    value.length <= 320 &&
    !/[\r\n,;<>"()\s]/.test(value) &&
    isEmail(value, { allow_display_name: false, require_tld: false })
  );
}
