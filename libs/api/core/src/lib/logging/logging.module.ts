import { randomUUID } from 'node:crypto';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { REDACTED_LOG_PATHS } from './redaction';
import { redactUrlForLog } from './url-redaction';

/**
 * Structured JSON logs (pino), one line per request, secrets redacted; with `LOG_FORMAT=pretty`
 * (what `npm start` asks for) the same records are printed for a person by pino-pretty.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // nestjs-pino's default is `*`, the wildcard path-to-regexp v8 (Express 5) no longer
        // accepts: Nest converts it under the `api` prefix and warns `Unsupported route path:
        // "/api/*"` at every start. `{*path}` is the same "everything" in the current syntax.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          ...(config.logFormat === 'pretty'
            ? {
                transport: {
                  target: 'pino-pretty',
                  options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
                },
              }
            : {}),
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
          genReqId: (request, response) => {
            const id =
              typeof request.headers['x-request-id'] === 'string'
                ? request.headers['x-request-id']
                : randomUUID();
            response.setHeader('x-request-id', id);
            return id;
          },
          // Bodies are never logged (they may hold passwords); method, URL, status and timing are.
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              // Link tokens are credentials: the URL is logged without them.
              url: redactUrlForLog(request.url),
            }),
          },
          customProps: (request) => {
            const principal = (request as { principal?: { organizationId: string; userId: string } })
              .principal;
            return principal ? { organizationId: principal.organizationId, userId: principal.userId } : {};
          },
          autoLogging: { ignore: (request) => request.url === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
