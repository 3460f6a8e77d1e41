import { isIP } from 'node:net';
import { isFQDN, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isSingleAddress } from '@mailroute/api/mail';
import { parseCaBundle } from '../settings/ca-certificate';

/** C0 and C1 control characters, CR and LF included. */
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** A host name or an IP address: no scheme, no path, no port, no brackets. */
@ValidatorConstraint({ name: 'smtpHost' })
export class SmtpHost implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') {
      return false;
    }
    return (
      isIP(value) !== 0 ||
      isFQDN(value, {
        require_tld: false,
        allow_underscores: false,
        allow_trailing_dot: false,
        allow_numeric_tld: true,
      })
    );
  }

  defaultMessage(): string {
    return 'must be a host name or an IP address, without scheme, port or path (e.g. smtp.example.com)';
  }
}

/** One plain address, nothing that could add a header or a recipient: mail's own rule. */
@ValidatorConstraint({ name: 'singleAddress' })
export class SingleAddress implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isSingleAddress(value);
  }

  defaultMessage(): string {
    return 'must be a single email address (e.g. notifications@example.com)';
  }
}

/** Text that ends up in an SMTP command or a header: no CR, LF or other control character. */
@ValidatorConstraint({ name: 'headerSafeText' })
export class HeaderSafeText implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && !CONTROL_CHARACTERS.test(value);
  }

  defaultMessage(): string {
    return 'must not contain line breaks or control characters';
  }
}

@ValidatorConstraint({ name: 'pemCertificates' })
export class PemCertificates implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseCaBundle(value) !== null;
  }

  defaultMessage(): string {
    return 'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- …)';
  }
}
