import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** C0 and C1 control characters, CR and LF included: the API refuses them in anything that reaches SMTP. */
const CONTROL_CHARACTERS = /\p{Cc}/u;
const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`, 'i');
/** Loose on purpose: the API has the last word on IPv6 notation. */
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.]*$/i;
const FORBIDDEN_IN_ADDRESS = /[\s,;<>"()]/;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

const text = (control: AbstractControl): string =>
  typeof control.value === 'string' ? control.value.trim() : '';

/** A host name or an IP address, without scheme, port or path (the API's `SmtpHost` rule). */
export const smtpHost: ValidatorFn = (control) => {
  const value = text(control);
  if (value === '') {
    return null;
  }
  return (HOST_NAME.test(value) && value.length <= 253) || IPV6.test(value) ? null : { host: true };
};

/** A whole number between 1 and 65535. */
export const smtpPort: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (value === null || value === '') {
    return null;
  }
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535
    ? null
    : { port: true };
};

/** One plain address: nothing that could add a recipient or a header (the API's `SingleAddress`). */
export const singleAddress: ValidatorFn = (control) => {
  const value = text(control);
  if (value === '') {
    return null;
  }
  const at = value.lastIndexOf('@');
  const valid =
    at > 0 &&
    !FORBIDDEN_IN_ADDRESS.test(value) &&
    !CONTROL_CHARACTERS.test(value) &&
    !value.slice(0, at).includes('@') &&
    HOST_NAME.test(value.slice(at + 1));
  return valid ? null : { email: true };
};

export const headerSafeText: ValidatorFn = (control): ValidationErrors | null =>
  typeof control.value === 'string' && CONTROL_CHARACTERS.test(control.value)
    ? { controlCharacters: true }
    : null;

/** Empty, or at least one PEM certificate block. */
export const pemCertificates: ValidatorFn = (control) => {
  const value = text(control);
  return value === '' || PEM_CERTIFICATE.test(value) ? null : { pem: true };
};
