import type { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './all-exceptions.filter.js';

/** A failed query as the pg driver reports it, with parameters that must never be logged. */
function failedQuery(fields: Record<string, string>): QueryFailedError {
  const driverError = Object.assign(new Error(`database says ${fields.code}`), {
    ...fields,
    detail: 'Failing row contains (scrypt$131072$8$1$secret-salt$secret-key)',
  });
  return new QueryFailedError('UPDATE "users" SET "password_hash" = $1', ['scrypt$secret-hash'], driverError);
}

function recordingLogger() {
  const logged: unknown[] = [];
  const logger = {
    error: (...args: unknown[]) => logged.push(args),
    warn: (...args: unknown[]) => logged.push(args),
  } as unknown as Logger;
  return { logger, logged };
}

describe('toErrorBody for database errors', () => {
  it('answers a NOT NULL violation with a 400 naming the field, not a 500', () => {
    const { logger, logged } = recordingLogger();
    const body = toErrorBody(
      failedQuery({ code: '23502', table: 'users', column: 'first_name' }),
      'req-1',
      logger,
    );
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: 'firstName must not be null',
      fields: [{ field: 'firstName', problems: ['firstName must not be null'] }],
      requestId: 'req-1',
    });
    expect(logged).toEqual([]);
  });

  it('answers a CHECK violation with a 400 naming the constraint, not a 500', () => {
    const { logger } = recordingLogger();
    const body = toErrorBody(
      failedQuery({ code: '23514', table: 'programmes', constraint: 'programmes_places_within_bounds' }),
      undefined,
      logger,
    );
    expect(body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      constraint: 'programmes_places_within_bounds',
      message: expect.stringContaining('programmes_places_within_bounds'),
    });
  });

  it('logs an unexpected database error without its parameters or failing row, and answers a bare 500', () => {
    const { logger, logged } = recordingLogger();
    const body = toErrorBody(failedQuery({ code: '42P01', table: 'users' }), 'req-2', logger);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId: 'req-2',
    });
    expect(logged).toHaveLength(1);
    const [[fields]] = logged as Array<[{ err: Error & Record<string, unknown> }]>;
    expect(fields.err).toMatchObject({
      code: '42P01',
      table: 'users',
      query: expect.stringContaining('UPDATE'),
    });
    const text = JSON.stringify(Object.getOwnPropertyNames(fields.err).map((name) => fields.err[name]));
    expect(text).not.toContain('secret');
  });
});
