import { HttpStatus } from '@nestjs/common';

/** Machine-readable codes carried by error responses (`code`), one per rule a request can break. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_REQUEST = 'MALFORMED_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  REFERENCED_RECORD_MISSING = 'REFERENCED_RECORD_MISSING',
  STALE_VERSION = 'STALE_VERSION',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

/** What a code answers with and what it means, as the README lists it. */
export interface ErrorCodeInfo {
  status: HttpStatus;
  meaning: string;
}

/** Every member of a code enum with its status and meaning: a member left out does not compile. */
export type ErrorCodeTable<Code extends string> = Readonly<Record<Code, ErrorCodeInfo>>;

export const ERROR_CODES: ErrorCodeTable<ErrorCode> = {
  [ErrorCode.VALIDATION_FAILED]: {
    status: HttpStatus.BAD_REQUEST,
    meaning: 'the input breaks a rule; `fields` names each field and its problems',
  },
  [ErrorCode.MALFORMED_REQUEST]: {
    status: HttpStatus.BAD_REQUEST,
    meaning: 'the request cannot be read (malformed JSON, a bad header)',
  },
  [ErrorCode.NOT_FOUND]: {
    status: HttpStatus.NOT_FOUND,
    meaning: 'no such record, or the caller may not know that it exists',
  },
  [ErrorCode.UNAUTHENTICATED]: {
    status: HttpStatus.UNAUTHORIZED,
    meaning: 'a sign-in is needed, or the token is invalid, expired or revoked',
  },
  [ErrorCode.FORBIDDEN]: { status: HttpStatus.FORBIDDEN, meaning: 'the caller’s role may not do this' },
  [ErrorCode.ALREADY_EXISTS]: {
    status: HttpStatus.CONFLICT,
    meaning: 'a record with the same unique value already exists',
  },
  [ErrorCode.REFERENCED_RECORD_MISSING]: {
    status: HttpStatus.BAD_REQUEST,
    meaning: 'an id in the input names no record',
  },
  [ErrorCode.STALE_VERSION]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the record changed since the caller read it (`currentVersion`); read it again',
  },
  [ErrorCode.PAYLOAD_TOO_LARGE]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    meaning: 'the body is over 1 MB (5 MB for a CSV import)',
  },
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    meaning: 'the body’s content type is not one the route reads',
  },
  [ErrorCode.TOO_MANY_REQUESTS]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    meaning: 'the rate limit or the failed-login limit is reached; `Retry-After` says when to retry',
  },
  [ErrorCode.SERVICE_UNAVAILABLE]: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    meaning: 'the database is unreachable or the request took too long',
  },
  [ErrorCode.INTERNAL_ERROR]: {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    meaning: 'a bug: the answer carries only the request id, the log has the rest',
  },
};

/**
 * The registry of every code enum. A feature adds its own beside its enum, so a code that is not
 * a member of one of them (a misspelt one, a bare string) does not compile as a DomainException's:
 *
 * ```ts
 * declare module '../common/errors/error-codes.js' {
 *   interface ErrorCodeRegistry { applications: ApplicationErrorCode }
 * }
 * ```
 *
 * and lists the enum's table in `src/error-codes.ts`, the catalogue the README's list comes from.
 */
export interface ErrorCodeRegistry {
  common: ErrorCode;
}

/** Any code of any registered enum. */
export type DomainErrorCode = ErrorCodeRegistry[keyof ErrorCodeRegistry];
