import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule an incoming-mobility request can break (besides the shared ones). */
export enum IncomingErrorCode {
  ALREADY_EXISTS = 'INCOMING_ALREADY_EXISTS',
  INVALID_TRANSITION = 'INCOMING_INVALID_TRANSITION',
  IMPORT_INVALID = 'INCOMING_IMPORT_INVALID',
}

export const INCOMING_ERROR_CODES: ErrorCodeTable<IncomingErrorCode> = {
  [IncomingErrorCode.ALREADY_EXISTS]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the email already has a mobility for this academic year and term that is not cancelled',
  },
  [IncomingErrorCode.INVALID_TRANSITION]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the mobility cannot go from its status to the one asked (`from`, `to`)',
  },
  [IncomingErrorCode.IMPORT_INVALID]: {
    status: HttpStatus.BAD_REQUEST,
    meaning: 'a CSV import has bad rows: nothing is imported, `problems` names each line and field',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    incoming: IncomingErrorCode;
  }
}
