import {
  BadRequestException,
  HttpException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { findOutOfBounds } from '../dto/bounds.js';
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

/**
 * The path of the first string that is not well-formed Unicode (a lone surrogate such as "\ud800",
 * which JSON can carry): validators choke on such text, and PostgreSQL cannot store it. Walks
 * iteratively, so deep nesting cannot exhaust the stack.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function findIllFormedText(value: unknown): string | undefined {
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return path || 'value';
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current))
        pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}

/** The 400 of invalid input: `fields` names each field and its problems, the message says them all. */
export function invalidInput(fields: FieldProblem[]): BadRequestException {
  // class-validator words nested problems by their last property only: prefix the path.
  const message = fields
    .map(({ field, problems }) => (field.includes('.') ? `${field}: ` : '') + problems.join('; '))
    .join('; ');
  return new BadRequestException({
    message: message || 'Invalid input',
    code: ErrorCode.VALIDATION_FAILED,
    fields,
  });
}

/**
 * ValidationPipe that never lets bad input become a 500 or hold the server: text and lists over
 * their size limits are refused first, in one bounded walk (see dto/bounds.ts), before any
 * transformer or validator does per-item or pattern work; then ill-formed text; and a validator
 * that throws on some odd value answers 400 like any other invalid input.
 */
class PortalValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A whole body or query, as a DTO validates it. (One named parameter, `@Query('next')`, is a
    // string no validator runs on, and a URL is at most 16 KB: its handler checks it.)
    if ((metadata.type === 'body' || metadata.type === 'query') && metadata.data === undefined) {
      const outOfBounds = findOutOfBounds(metadata.metatype, value, metadata.type);
      if (outOfBounds.length > 0) throw invalidInput(outOfBounds);
    }
    const illFormed = findIllFormedText(value);
    if (illFormed) {
      const problem = `${illFormed} must be well-formed Unicode text`;
      throw new BadRequestException({
        message: problem,
        code: ErrorCode.VALIDATION_FAILED,
        fields: [{ field: illFormed, problems: [problem] }],
      });
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      throw new BadRequestException({
        message: 'Invalid input: a value could not be read',
        code: ErrorCode.VALIDATION_FAILED,
      });
    }
  }
}

/** The one validation pipe of the app: unknown fields are rejected, every 400 names its fields. */
export function createValidationPipe(): ValidationPipe {
  return new PortalValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(flattenValidationErrors(errors)),
  });
}
