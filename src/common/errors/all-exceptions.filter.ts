import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import {
  CHECK_VIOLATION,
  FOREIGN_KEY_VIOLATION,
  NOT_NULL_VIOLATION,
  postgresErrorOf,
  UNIQUE_VIOLATION,
} from './database-errors.js';
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

/** `first_name` -> `firstName`: a column as the API names its field. */
const fieldOf = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** PostgreSQL errors that are the caller's fault, should a service let one through. */
function fromDatabaseError(error: QueryFailedError): ErrorFields | undefined {
  const { code, column, constraint } = postgresErrorOf(error) ?? {};
  switch (code) {
    case NOT_NULL_VIOLATION: {
      const field = column ? fieldOf(column) : undefined;
      const message = field ? `${field} must not be null` : 'A required value is missing';
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message,
        ...(field ? { fields: [{ field, problems: [message] }] } : {}),
      };
    }
    case CHECK_VIOLATION:
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: constraint
          ? `The values break the rule ${constraint}`
          : 'The values break a rule of the database',
        ...(constraint ? { constraint } : {}),
      };
    case UNIQUE_VIOLATION:
      return {
        statusCode: 409,
        code: ErrorCode.ALREADY_EXISTS,
        message: 'A record with the same unique value already exists',
      };
    case FOREIGN_KEY_VIOLATION:
      return {
        statusCode: 400,
        code: ErrorCode.REFERENCED_RECORD_MISSING,
        message: 'A referenced record does not exist',
      };
    case '22021':
    case '22P05':
      // PostgreSQL text cannot hold a NUL character (\u0000), whatever field it came in.
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Text must not contain NUL characters (\\u0000)',
      };
    case '22001':
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: 'A text value is longer than the database allows',
      };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: 'A value has the wrong form or is out of range',
      };
    case '57014':
      return {
        statusCode: 503,
        code: ErrorCode.SERVICE_UNAVAILABLE,
        message: 'The request took too long and was cancelled',
      };
    default:
      return undefined;
  }
}

/**
 * A failed query as it is logged: what failed and where, never its parameters or the failing
 * row (they may hold password hashes and personal data).
 */
function loggable(error: Error): Error {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint, table, column } = postgresErrorOf(error) ?? {};
  return Object.assign(new Error(error.message), {
    name: error.name,
    stack: error.stack,
    query: error.query,
    code,
    constraint,
    table,
    column,
  });
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

/** Connection failures: the database is away, which is a 503 and not a bug. */
function isDatabaseUnavailable(error: unknown): boolean {
  const text = isErrorLike(error)
    ? `${error.name} ${error.message} ${(error as { code?: string }).code ?? ''}`
    : '';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|57P01|57P03|the database system is (shutting down|starting up)/i.test(
    text,
  );
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
  } else if (exception instanceof QueryFailedError && fromDatabaseError(exception)) {
    body = fromDatabaseError(exception)!;
  } else if (isDatabaseUnavailable(exception)) {
    logger.warn(`Database unavailable: ${(exception as Error).message}`);
    body = {
      statusCode: 503,
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: 'The service is temporarily unavailable',
    };
  } else {
    const error = isErrorLike(exception) ? exception : new Error(String(exception));
    logger.error({ err: loggable(error), requestId }, `Unhandled error: ${error.message}`);
    body = { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: 'Internal server error' };
  }
  return { ...body, error: reasonPhrase(body.statusCode), requestId };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorBody(exception, request?.id, this.logger);
    if (body.statusCode === 429 && exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { retryAfter?: number })?.retryAfter;
      if (retryAfter) void reply.header('retry-after', String(retryAfter));
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
