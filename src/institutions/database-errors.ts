import { QueryFailedError } from 'typeorm';

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

/** The constraint a failed statement broke, when it failed with this SQLSTATE. */
export function brokenConstraint(error: unknown, sqlState: string): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === sqlState ? driverError.constraint : undefined;
}
