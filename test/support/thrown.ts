import { DomainException } from '../../src/common/errors/domain.exception.js';

/** Runs `action` and answers the DomainException it throws (fails the test when none is thrown). */
export function thrown(action: () => unknown): DomainException {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a DomainException, none was thrown');
}
