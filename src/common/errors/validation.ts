import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode } from './error-codes.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per field path (`choices.0.programmeId`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return own.concat(flattenValidationErrors(error.children ?? [], field));
  });
}

/** The one validation pipe of the app: unknown fields are rejected, every 400 names its fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      // class-validator words nested problems by their last property only: prefix the path.
      const message = fields
        .map(({ field, problems }) => (field.includes('.') ? `${field}: ` : '') + problems.join('; '))
        .join('; ');
      return new BadRequestException({
        message: message || 'Invalid input',
        code: ErrorCode.VALIDATION_FAILED,
        fields,
      });
    },
  });
}
