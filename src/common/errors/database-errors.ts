/**
 * Everything the portal knows about PostgreSQL's errors, in one place: the SQLSTATE codes it
 * reacts to, how a service recognises a broken constraint, which failures are the caller's
 * fault (and the answer each one gets), which mean the database is away, and what of a failed
 * query may be logged. The exception filter only formats what these functions answer.
 */
import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from './error-codes.js';

/** SQLSTATE codes the portal reacts to. */
export const NOT_NULL_VIOLATION = '23502';
export const FOREIGN_KEY_VIOLATION = '23503';
export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
const UNTRANSLATABLE_CHARACTER = '22P05';
const CHARACTER_NOT_IN_REPERTOIRE = '22021';
const STRING_DATA_RIGHT_TRUNCATION = '22001';
const INVALID_TEXT_REPRESENTATION = '22P02';
const INVALID_DATETIME_FORMAT = '22007';
const DATETIME_FIELD_OVERFLOW = '22008';
const NUMERIC_VALUE_OUT_OF_RANGE = '22003';
const QUERY_CANCELED = '57014';

/** What PostgreSQL reports about a failed statement (the fields of the pg driver's error). */
export interface PostgresError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** The PostgreSQL error behind a failed TypeORM query, or undefined for any other error. */
export function postgresErrorOf(error: unknown): PostgresError | undefined {
  return error instanceof QueryFailedError ? (error.driverError as PostgresError | undefined) : undefined;
}

/** The constraint a failed statement broke, when it failed with this SQLSTATE. */
export function brokenConstraint(error: unknown, sqlState: string): string | undefined {
  const postgres = postgresErrorOf(error);
  return postgres?.code === sqlState ? postgres.constraint : undefined;
}

/** True when the statement broke a unique index: the one named, or any when none is. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const postgres = postgresErrorOf(error);
  return (
    postgres?.code === UNIQUE_VIOLATION && (constraint === undefined || postgres.constraint === constraint)
  );
}

/** The answer to a database error that is the caller's fault: status, code, message and details. */
export interface DatabaseErrorAnswer {
  statusCode: HttpStatus;
  code: ErrorCode;
  message: string;
  [detail: string]: unknown;
}

/** `first_name` -> `firstName`: a column as the API names its field. */
const fieldOf = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

const badValue = (message: string): DatabaseErrorAnswer => ({
  statusCode: HttpStatus.BAD_REQUEST,
  code: ErrorCode.VALIDATION_FAILED,
  message,
});

/**
 * The answer to a PostgreSQL error that is the caller's fault, should a service let one through
 * (a NOT NULL, CHECK, unique or foreign-key violation, text or numbers PostgreSQL cannot hold, a
 * statement cancelled for taking too long); undefined for any other error, which is a bug.
 */
export function answerForDatabaseError(error: unknown): DatabaseErrorAnswer | undefined {
  const { code, column, constraint } = postgresErrorOf(error) ?? {};
  switch (code) {
    case NOT_NULL_VIOLATION: {
      const field = column ? fieldOf(column) : undefined;
      const message = field ? `${field} must not be null` : 'A required value is missing';
      return { ...badValue(message), ...(field ? { fields: [{ field, problems: [message] }] } : {}) };
    }
    case CHECK_VIOLATION:
      return {
        ...badValue(
          constraint ? `The values break the rule ${constraint}` : 'The values break a rule of the database',
        ),
        ...(constraint ? { constraint } : {}),
      };
    case UNIQUE_VIOLATION:
      return {
        statusCode: HttpStatus.CONFLICT,
        code: ErrorCode.ALREADY_EXISTS,
        message: 'A record with the same unique value already exists',
      };
    case FOREIGN_KEY_VIOLATION:
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: ErrorCode.REFERENCED_RECORD_MISSING,
        message: 'A referenced record does not exist',
      };
    case CHARACTER_NOT_IN_REPERTOIRE:
    case UNTRANSLATABLE_CHARACTER:
      // PostgreSQL text cannot hold a NUL character (\u0000), whatever field it came in.
      return badValue('Text must not contain NUL characters (\\u0000)');
    case STRING_DATA_RIGHT_TRUNCATION:
      return badValue('A text value is longer than the database allows');
    case INVALID_TEXT_REPRESENTATION:
    case INVALID_DATETIME_FORMAT:
    case DATETIME_FIELD_OVERFLOW:
    case NUMERIC_VALUE_OUT_OF_RANGE:
      return badValue('A value has the wrong form or is out of range');
    case QUERY_CANCELED:
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ErrorCode.SERVICE_UNAVAILABLE,
        message: 'The request took too long and was cancelled',
      };
    default:
      return undefined;
  }
}

/** Connection failures: the database is away, which is a 503 and not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text =
    typeof error === 'object' && error !== null && typeof (error as Error).message === 'string'
      ? `${(error as Error).name} ${(error as Error).message} ${(error as { code?: string }).code ?? ''}`
      : '';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|57P01|57P03|the database system is (shutting down|starting up)/i.test(
    text,
  );
}

/**
 * A failed query as it is logged: what failed and where, never its parameters or the failing
 * row (they may hold password hashes and personal data). Any other error is returned as it is.
 */
export function loggableDatabaseError(error: Error): Error {
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
