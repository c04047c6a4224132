import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the portal reacts to. */
export const NOT_NULL_VIOLATION = '23502';
export const FOREIGN_KEY_VIOLATION = '23503';
export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

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
