/**
 * Removes known secrets (an SMTP password, the AUTH tokens built from it) from text meant for
 * people, in the forms they travel in: as given, and base64-encoded (AUTH LOGIN sends the password
 * so). Mailroute never writes a secret into such a text; this guards against a server that echoes
 * what it received into a reply that then lands in a connection-test report or an email's error.
 * The one scrubber of both: the connection test's report and the delivery failure texts.
 */
export const REDACTED = '[redacted]';

/**
 * Shorter secrets are not searched for: they occur by chance in ordinary text ("25", "ok"), and
 * redacting them would make the text unreadable without protecting anything worth the name.
 */
const MIN_SECRET_LENGTH = 3;

export class SecretRedactor {
  /** Every form of every secret, longest first, so a secret inside a longer one is not half-redacted. */
  private readonly forms: string[];

  constructor(secrets: readonly string[]) {
    const forms = secrets
      .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
      .flatMap((secret) => [secret, Buffer.from(secret, 'utf8').toString('base64')]);
    this.forms = [...new Set(forms)].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    return this.forms.reduce((result, form) => result.split(form).join(REDACTED), text);
  }

  /** A copy of `value` with every string in it redacted (plain JSON-like data). */
  redactDeep<T>(value: T): T {
    return this.visit(value) as T;
  }

  private visit(value: unknown): unknown {
    if (typeof value === 'string') {
      return this.redact(value);
    }
    if (Array.isArray(value)) {
      return value.map((item) => this.visit(item));
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.visit(item)]));
    }
    return value;
  }
}
