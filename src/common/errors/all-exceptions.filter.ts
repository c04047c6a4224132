import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerForDatabaseError, isDatabaseUnavailable, loggableDatabaseError } from './database-errors.js';
import { DomainException } from './domain.exception.js';
import { ErrorCode } from './error-codes.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  requestId?: string;
  [detail: string]: unknown;
}

interface ErrorFields {
  statusCode: number;
  message: string;
  code?: string;
  [detail: string]: unknown;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.ALREADY_EXISTS,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.TOO_MANY_REQUESTS,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * Error-like, judged by shape rather than `instanceof Error`: errors raised by the pg driver or
 * Fastify may come from another realm (a VM context) where that check fails.
 */
function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string';
}

function isClientFault(error: unknown): error is Error & { statusCode: number } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return isErrorLike(error) && typeof status === 'number' && status >= 400 && status < 500;
}

/** Turns any error into `{ statusCode, error, message, code? }`; unknown errors are logged and answered bare. */
export function toErrorBody(exception: unknown, requestId: string | undefined, logger: Logger): ErrorBody {
  let body: ErrorFields;
  if (exception instanceof DomainException) {
    body = {
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      ...exception.details,
    };
  } else if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const details =
      typeof response === 'object' && response !== null ? { ...(response as Record<string, unknown>) } : {};
    const rawMessage = details.message ?? (typeof response === 'string' ? response : exception.message);
    delete details.statusCode;
    delete details.error;
    delete details.message;
    body = {
      code: STATUS_CODES[statusCode],
      ...details,
      statusCode,
      message: Array.isArray(rawMessage)
        ? rawMessage.join('; ')
        : typeof rawMessage === 'string'
          ? rawMessage
          : JSON.stringify(rawMessage),
    };
  } else if (isClientFault(exception)) {
    // Errors raised by Fastify before a handler runs: malformed JSON, a body too large, ...
    const statusCode = exception.statusCode;
    body = {
      statusCode,
      code: statusCode === 400 ? ErrorCode.MALFORMED_REQUEST : STATUS_CODES[statusCode],
      message: exception.message,
    };
  } else if (answerForDatabaseError(exception)) {
    body = answerForDatabaseError(exception)!;
  } else if (isDatabaseUnavailable(exception)) {
    logger.warn(`Database unavailable: ${(exception as Error).message}`);
    body = {
      statusCode: 503,
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: 'The service is temporarily unavailable',
    };
  } else {
    const error = isErrorLike(exception) ? exception : new Error(String(exception));
    logger.error({ err: loggableDatabaseError(error), requestId }, `Unhandled error: ${error.message}`);
    body = { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: 'Internal server error' };
  }
  return { ...body, error: reasonPhrase(body.statusCode), requestId };
}

/** Answers an error as a page instead of JSON, when the request was for one (see src/web). */
export interface HtmlErrorResponder {
  /** True when it answered; false leaves the JSON answer. */
  respond(exception: unknown, body: ErrorBody, request: FastifyRequest, reply: FastifyReply): boolean;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly html?: HtmlErrorResponder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorBody(exception, request?.id, this.logger);
    if (body.statusCode === 429 && exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { retryAfter?: number })?.retryAfter;
      if (retryAfter) void reply.header('retry-after', String(retryAfter));
    }
    if (this.html && request && this.html.respond(exception, body, request, reply)) return;
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
