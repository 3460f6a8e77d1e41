/**
 * Removes the password from report text, in the forms it travelled in (plain, and the base64
 * tokens of AUTH PLAIN and LOGIN). Mailroute never writes it into a detail; this guards against
 * a server that echoes what it received into a reply that then lands in the report.
 */
export const REDACTED = '[redacted]';

/**
 * Shorter secrets are not searched for: they occur by chance in ordinary text ("250", "ok"), and
 * redacting them would make the report unreadable without protecting anything worth the name.
 */
const MIN_SECRET_LENGTH = 4;

export class SecretRedactor {
  private readonly secrets: string[];

  constructor(secrets: readonly string[]) {
    this.secrets = [...new Set(secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH))].sort(
      (a, b) => b.length - a.length,
    );
  }

  redact(text: string): string {
    return this.secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
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
