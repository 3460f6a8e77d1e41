/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log line. Secrets must never
 * reach a log: passwords (sign-in, SMTP), tokens, authorization headers, cookies.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.*.password',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'secret',
  '*.secret',
];
