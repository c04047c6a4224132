import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule an outgoing-mobility request can break (besides the shared ones). */
export enum OutgoingErrorCode {
  INVALID_TRANSITION = 'OUTGOING_INVALID_TRANSITION',
  NOT_VERIFIED = 'OUTGOING_NOT_VERIFIED',
  ALREADY_ANSWERED = 'OUTGOING_ALREADY_ANSWERED',
  RECOGNITION_BY_AGREEMENT = 'OUTGOING_RECOGNITION_BY_AGREEMENT',
}

export const OUTGOING_ERROR_CODES: ErrorCodeTable<OutgoingErrorCode> = {
  [OutgoingErrorCode.INVALID_TRANSITION]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the outgoing mobility cannot go from its status to the one asked (`from`, `to`)',
  },
  [OutgoingErrorCode.NOT_VERIFIED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'a nomination goes live only once the receiving institution verified it (`verification`)',
  },
  [OutgoingErrorCode.ALREADY_ANSWERED]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'the receiving institution answers a nomination once, while it is a nomination (`from`, `to` of the answer)',
  },
  [OutgoingErrorCode.RECOGNITION_BY_AGREEMENT]: {
    status: HttpStatus.CONFLICT,
    meaning:
      "a mobility with a learning agreement is recognized by the agreement's recognition (every result and decision recorded), not by hand",
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    outgoing: OutgoingErrorCode;
  }
}
