import { DomainException, NotFoundError } from '../../common/errors/domain.exception.js';
import { IncomingErrorCode } from '../incoming-error-codes.js';
import { badLinesOf } from './import-problems.js';

const refusal = (details: Record<string, unknown>) =>
  new DomainException(IncomingErrorCode.IMPORT_INVALID, 'Nothing was imported', 400, details);

describe('badLinesOf', () => {
  it('groups the listed problems by line and column, lines in file order', () => {
    const error = refusal({
      problemCount: 3,
      problems: [
        { line: 4, field: 'email', message: 'email must be an email' },
        { line: 2, field: 'term', message: 'term must be one of autumn, spring, full-year' },
        { line: 4, field: 'email', message: 'email is too long' },
      ],
    });
    expect(badLinesOf(error)).toEqual({
      lines: [
        {
          line: 2,
          columns: [{ field: 'term', problems: ['term must be one of autumn, spring, full-year'] }],
        },
        { line: 4, columns: [{ field: 'email', problems: ['email must be an email', 'email is too long'] }] },
      ],
      unlisted: 0,
    });
  });

  it('reads the { line, field, problems } shape too, and counts what was not listed', () => {
    const error = refusal({
      problemCount: 7,
      fields: [{ line: 3, field: null, problems: ['too few columns'] }],
    });
    expect(badLinesOf(error)).toEqual({
      lines: [{ line: 3, columns: [{ field: null, problems: ['too few columns'] }] }],
      unlisted: 6,
    });
  });

  it('is undefined for any other error', () => {
    expect(badLinesOf(new NotFoundError('Incoming mobility'))).toBeUndefined();
    expect(badLinesOf(new Error('boom'))).toBeUndefined();
  });
});
