import { DEFAULT_SIGNED_IN_URL, safeReturnUrl } from './login-redirect';

describe('safeReturnUrl', () => {
  it.each([
    '/processing-activities/3f2c',
    '/tasks/7?tab=comments',
    '/general-settings/email-log',
    '/audits/41#respondents',
    '/invitations/abc%20def',
  ])('follows the in-app path %s', (path) => {
    expect(safeReturnUrl(path)).toBe(path);
  });

  it('normalises dot segments and keeps the result inside the app', () => {
    expect(safeReturnUrl('/tasks/../audits/4')).toBe('/audits/4');
  });

  it.each([
    ['nothing', undefined],
    ['empty', ''],
    ['protocol-relative', '//evil.example/phish'],
    ['protocol-relative, encoded', '%2F%2Fevil.example'],
    ['protocol-relative, encoded twice', '%252F%252Fevil.example'],
    ['slash then encoded slash', '/%2Fevil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash, encoded', '/%5Cevil.example'],
    ['absolute https', 'https://evil.example/'],
    ['absolute, encoded', 'https%3A%2F%2Fevil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript, encoded', 'javascript%3Aalert(1)'],
    ['an encoded leading slash', '%2Fgeneral-settings'],
    ['the login page, encoded', '/%6Cogin'],
    ['relative', 'general-settings'],
    ['tab in the scheme', '/\t/evil.example'],
    ['newline', '/%0a/evil.example'],
    ['malformed encoding', '/%E0%A4%A'],
    ['the API', '/api/users'],
    ['the API, encoded', '/%61pi/users'],
    ['the login page', '/login'],
    ['the login page with a query', '/login?returnUrl=%2Ftasks'],
  ])('refuses %s and falls back to the home page', (_case, candidate) => {
    expect(safeReturnUrl(candidate)).toBe(DEFAULT_SIGNED_IN_URL);
  });
});
