/**
 * A request's URL as it may be logged: every link token replaced by `[redacted]`. A link token
 * (an invitation's, an audit respondent's) is a credential: whoever reads it in a log can accept
 * the invitation or answer the audit. It travels in the path, of the API
 * (`/api/invitations/<token>`, `/api/invitations/<token>/accept`, `/api/audit-responses/<token>`)
 * and of the web pages the emails link to (`/invitations/<token>`, `/audits/respond/<token>`).
 */
export function redactUrlForLog(url: string): string {
  const queryStart = url.search(/[?#]/);
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const rest = queryStart === -1 ? '' : url.slice(queryStart);
  const segments = path.split('/');
  const redacted = segments.map((segment, index) =>
    isLinkToken(segment) || (followsTokenPrefix(segments, index) && !UUID.test(segment) && segment !== '')
      ? REDACTED
      : segment,
  );
  return `${redacted.join('/')}${rest.replace(TOKEN_IN_QUERY, `$1${REDACTED}`)}`;
}

const REDACTED = '[redacted]';

/** The shape `issueLinkToken` gives: 32 random bytes, base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A token in the query, e.g. `?returnUrl=/invitations/<token>`, its slash spelled out or encoded. */
const TOKEN_IN_QUERY = /(^|[^A-Za-z0-9_-]|%2F)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/gi;

/**
 * The segment after these holds a token (or, for the API's invitations, an invitation's UUID,
 * which is kept): even a malformed or truncated token, which may be most of a real one.
 */
const TOKEN_PREFIXES: readonly (readonly string[])[] = [
  ['api', 'invitations'],
  ['api', 'audit-responses'],
  ['invitations'],
  ['audits', 'respond'],
];

function followsTokenPrefix(segments: readonly string[], index: number): boolean {
  return TOKEN_PREFIXES.some((prefix) => {
    const start = index - prefix.length;
    // The prefix starts the path: `segments[0]` is the empty string before the leading slash.
    return start === 1 && prefix.every((part, offset) => segments[start + offset] === part);
  });
}

function isLinkToken(segment: string): boolean {
  return LINK_TOKEN.test(segment);
}
