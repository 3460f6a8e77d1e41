import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@mailroute/shared/contracts';
import { DomainError, type DomainErrorKind } from './domain-error';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** Every error answer of the API has the ApiErrorBody shape; nothing internal leaks out. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      // RFC 9110 §10.2.3: delay-seconds, a whole number.
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody & Record<string, unknown> {
    if (exception instanceof DomainError) {
      // Details first: they add members to the body, never replace the ones every error has.
      return {
        ...exception.details,
        statusCode: STATUS_OF_KIND[exception.kind],
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return {
        statusCode,
        code: CODE_OF_STATUS[statusCode] ?? 'http_error',
        message: this.messageOf(exception),
      };
    }
    const status = bodyParserStatus(exception);
    if (status !== null) {
      return {
        statusCode: status,
        code: CODE_OF_STATUS[status] ?? 'bad_request',
        message: BODY_PARSER_MESSAGES[(exception as { type?: unknown }).type as string] ?? BODY_NOT_JSON,
      };
    }
    return { statusCode: 500, code: 'internal_error', message: 'An unexpected error occurred.' };
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const message = (response as { message: unknown }).message;
      return Array.isArray(message) ? message.join('; ') : String(message);
    }
    return exception.message;
  }
}

const BODY_NOT_JSON = 'The request body is not valid JSON.';
/** body-parser's error types (its `type` member), in words. */
const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'Compressed request bodies are not accepted: send it without Content-Encoding.',
  'charset.unsupported': 'The request body must be UTF-8.',
};

/** body-parser errors carry `type` and `status`; they are the client's fault, not ours. */
function bodyParserStatus(exception: unknown): number | null {
  if (typeof exception === 'object' && exception !== null && 'type' in exception && 'status' in exception) {
    const status = Number((exception as { status: unknown }).status);
    return status >= 400 && status < 500 ? status : null;
  }
  return null;
}
