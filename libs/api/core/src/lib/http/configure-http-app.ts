import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';
import { setUpOpenApi } from './openapi';
import { refuseMalformedBody } from './request-body-shape';
import { securityHeaders } from './security-headers';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api';

/** Everything about the HTTP surface that is not a module: prefix, docs, the web app. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX);
  app.disable('x-powered-by');
  // First, so that every answer has them: the web app's files and the errors of the body parsers too.
  app.use(securityHeaders({ production: config.isProduction }));
  // No client of ours compresses a request body; refusing Content-Encoding (415) spares an
  // inflation, and a body that claims gzip but is not answered 500 from the zlib error.
  app.useBodyParser('json', { limit: '256kb', inflate: false });
  app.useBodyParser('urlencoded', { limit: '256kb', inflate: false, extended: false });
  app.use(refuseMalformedBody);
  app.enableShutdownHooks();
  if (config.http.openApiDocs) {
    setUpOpenApi(app);
  }
  if (config.web.serve && config.web.root) {
    if (!serveWebApp(app, config.web.root)) {
      new Logger('WebApp').warn(
        `No web build in ${config.web.root}: only the API is served (build it with \`npx nx build web\`).`,
      );
    }
  }
}
