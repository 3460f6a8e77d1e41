import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built Angular app from the API's own port: static files, and `index.html` for any
 * other GET outside `/api` so that deep links (e.g. /general-settings/smtp) work on reload.
 * Returns false when the folder has no build, so the caller can say so.
 */
export function serveWebApp(app: NestExpressApplication, root: string): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return false;
  }
  app.useStaticAssets(root, { index: false, maxAge: '1h', setHeaders: noCacheForIndex });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const wantsPage =
      request.method === 'GET' && !request.path.startsWith('/api') && request.accepts('html') !== false;
    if (!wantsPage) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}

function noCacheForIndex(response: Response, path: string): void {
  if (path.endsWith('index.html')) {
    response.setHeader('Cache-Control', 'no-cache');
  }
}
