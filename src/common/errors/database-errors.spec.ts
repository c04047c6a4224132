import { QueryFailedError } from 'typeorm';
import {
  answerForDatabaseError,
  brokenConstraint,
  isDatabaseUnavailable,
  isUniqueViolation,
  loggableDatabaseError,
} from './database-errors.js';

/** A failed query as the pg driver reports it, with parameters that must never be logged. */
function failedQuery(fields: Record<string, string>): QueryFailedError {
  const driverError = Object.assign(new Error(`database says ${fields.code}`), {
    ...fields,
    detail: 'Failing row contains (scrypt$131072$8$1$secret-salt$secret-key)',
  });
  return new QueryFailedError('UPDATE "users" SET "password_hash" = $1', ['scrypt$secret-hash'], driverError);
}

describe('answerForDatabaseError', () => {
  it.each([
    ['23502', 400, 'VALIDATION_FAILED', 'firstName must not be null'],
    ['23514', 400, 'VALIDATION_FAILED', 'The values break the rule users_email_lowercase'],
    ['23505', 409, 'ALREADY_EXISTS', 'A record with the same unique value already exists'],
    ['23503', 400, 'REFERENCED_RECORD_MISSING', 'A referenced record does not exist'],
    ['22021', 400, 'VALIDATION_FAILED', 'Text must not contain NUL characters (\\u0000)'],
    ['22P05', 400, 'VALIDATION_FAILED', 'Text must not contain NUL characters (\\u0000)'],
    ['22001', 400, 'VALIDATION_FAILED', 'A text value is longer than the database allows'],
    ['22P02', 400, 'VALIDATION_FAILED', 'A value has the wrong form or is out of range'],
    ['22003', 400, 'VALIDATION_FAILED', 'A value has the wrong form or is out of range'],
    ['57014', 503, 'SERVICE_UNAVAILABLE', 'The request took too long and was cancelled'],
  ])('answers SQLSTATE %s with %i %s', (sqlState, statusCode, code, message) => {
    const error = failedQuery({
      code: sqlState,
      table: 'users',
      column: 'first_name',
      constraint: 'users_email_lowercase',
    });
    expect(answerForDatabaseError(error)).toMatchObject({ statusCode, code, message });
  });

  it('names the field of a NOT NULL violation and the rule of a CHECK violation', () => {
    expect(answerForDatabaseError(failedQuery({ code: '23502', column: 'last_name' }))).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'lastName must not be null',
      fields: [{ field: 'lastName', problems: ['lastName must not be null'] }],
    });
    expect(answerForDatabaseError(failedQuery({ code: '23514', constraint: 'x_known' }))).toMatchObject({
      constraint: 'x_known',
    });
    expect(answerForDatabaseError(failedQuery({ code: '23514' }))).not.toHaveProperty('constraint');
  });

  it('leaves any other error to be a bug (undefined)', () => {
    expect(answerForDatabaseError(failedQuery({ code: '42P01' }))).toBeUndefined();
    expect(answerForDatabaseError(new Error('23505'))).toBeUndefined();
    expect(answerForDatabaseError(undefined)).toBeUndefined();
  });
});

describe('recognising constraints', () => {
  it('names the constraint only for the SQLSTATE asked', () => {
    const error = failedQuery({ code: '23505', constraint: 'institutions_schac_code_unique' });
    expect(brokenConstraint(error, '23505')).toBe('institutions_schac_code_unique');
    expect(brokenConstraint(error, '23514')).toBeUndefined();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'institutions_schac_code_unique')).toBe(true);
    expect(isUniqueViolation(error, 'other_unique')).toBe(false);
  });
});

describe('isDatabaseUnavailable', () => {
  it('is true for a lost or refused connection and false for anything else', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('the database system is shutting down'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('loggableDatabaseError', () => {
  it('keeps what failed and where, never the parameters or the failing row', () => {
    const logged = loggableDatabaseError(failedQuery({ code: '42P01', table: 'users' })) as Error &
      Record<string, unknown>;
    expect(logged).toMatchObject({ code: '42P01', table: 'users', query: expect.stringContaining('UPDATE') });
    const text = JSON.stringify(Object.getOwnPropertyNames(logged).map((name) => logged[name]));
    expect(text).not.toContain('secret');
  });

  it('returns any other error as it is', () => {
    const error = new Error('boom');
    expect(loggableDatabaseError(error)).toBe(error);
  });
});
