import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type DomainErrorCode } from './error-codes.js';

/**
 * A request that breaks a rule of the domain. Carries its code (an ErrorCode or a member of a
 * feature's enum such as ApplicationErrorCode.PROGRAMME_FULL: see ErrorCodeRegistry) and is
 * turned into an HTTP answer by the global filter.
 */
export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly status: HttpStatus = HttpStatus.CONFLICT,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

/** The record does not exist, or the caller may not know that it does: both answer 404. */
export class NotFoundError extends DomainException {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found`, HttpStatus.NOT_FOUND);
  }
}

/**
 * Bad input that only the service can see (a date order, an unknown reference). Answers 400 with
 * the same `fields` shape as the validation pipe: `[{ field, problems: [message] }]`.
 */
export class InvalidInputError extends DomainException {
  constructor(message: string, fields: string[], code: DomainErrorCode = ErrorCode.VALIDATION_FAILED) {
    super(code, message, HttpStatus.BAD_REQUEST, {
      fields: fields.map((field) => ({ field, problems: [message] })),
    });
  }
}
