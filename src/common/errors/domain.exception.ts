import { HttpStatus } from '@nestjs/common';

/**
 * A request that breaks a rule of the domain. Carries its code (an ErrorCode or a feature's own
 * code such as PROGRAMME_FULL) and is turned into an HTTP answer by the global filter.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
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
    super('NOT_FOUND', `${what} not found`, HttpStatus.NOT_FOUND);
  }
}

/**
 * Bad input that only the service can see (a date order, an unknown reference). Answers 400 with
 * the same `fields` shape as the validation pipe: `[{ field, problems: [message] }]`.
 */
export class InvalidInputError extends DomainException {
  constructor(message: string, fields: string[], code = 'VALIDATION_FAILED') {
    super(code, message, HttpStatus.BAD_REQUEST, {
      fields: fields.map((field) => ({ field, problems: [message] })),
    });
  }
}
