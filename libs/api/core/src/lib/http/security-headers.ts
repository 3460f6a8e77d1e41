import type { NextFunction, Request, Response } from 'express';

/**
 * What the built web app needs and nothing more: its own scripts (no inline script, no eval), its
 * own styles plus inline ones (Angular and Material add `<style>` elements and style attributes at
 * run time), images and fonts from itself or `data:`, and calls to its own API. No page may frame
 * it (clickjacking), and no form or `<base>` may point elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Browser security headers on every answer, API and web app alike. `production` adds HSTS: a
 * development or test instance is reached over plain HTTP on localhost, where a remembered
 * "HTTPS only" would break other local servers on the same host name.
 */
export function securityHeaders(options: { production: boolean }) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    // For browsers that predate frame-ancestors.
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // no-referrer rather than strict-origin-when-cross-origin: the pages an email links to carry
    // their token in the path (/invitations/<token>, /audits/respond/<token>), and even the
    // same-origin calls of such a page would otherwise send that URL along as Referer.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.production) {
      response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    if (isApiPath(request.path)) {
      // Answers hold an organization's data: no browser or proxy cache keeps them.
      response.setHeader('Cache-Control', 'no-store');
    }
    next();
  };
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
