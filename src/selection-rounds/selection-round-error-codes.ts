import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a selection round or an assessment request can break. */
export enum SelectionRoundErrorCode {
  SCORES_INCOMPLETE = 'SCORES_INCOMPLETE',
  ROUND_STALE = 'ROUND_STALE',
  ROUND_ALREADY_COMMITTED = 'ROUND_ALREADY_COMMITTED',
  ASSESSMENT_CLOSED = 'ASSESSMENT_CLOSED',
}

export const SELECTION_ROUND_ERROR_CODES: ErrorCodeTable<SelectionRoundErrorCode> = {
  [SelectionRoundErrorCode.SCORES_INCOMPLETE]: {
    status: HttpStatus.CONFLICT,
    meaning: 'applications of the round have no motivation rating yet (`applicationIds` lists them)',
  },
  [SelectionRoundErrorCode.ROUND_STALE]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'an input of the round (an application, a rating, a programme’s places) changed since its preview; run a new round',
  },
  [SelectionRoundErrorCode.ROUND_ALREADY_COMMITTED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the round was already committed; a round commits once',
  },
  [SelectionRoundErrorCode.ASSESSMENT_CLOSED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'only a submitted, waitlisted or approved application can be rated',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    selectionRounds: SelectionRoundErrorCode;
  }
}
