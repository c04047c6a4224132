import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule an incoming-mobility request can break (besides the shared ones). */
export enum IncomingErrorCode {
  ALREADY_EXISTS = 'INCOMING_ALREADY_EXISTS',
  INVALID_TRANSITION = 'INCOMING_INVALID_TRANSITION',
  IMPORT_INVALID = 'INCOMING_IMPORT_INVALID',
  IMPORT_TOO_MANY_ROWS = 'INCOMING_IMPORT_TOO_MANY_ROWS',
  IMPORT_BUSY = 'INCOMING_IMPORT_BUSY',
  IMPORT_CANCELLED = 'INCOMING_IMPORT_CANCELLED',
}

/** nginx's 499 "Client Closed Request": what an import whose client left is logged with. */
export const CLIENT_CLOSED_REQUEST = 499 as HttpStatus;

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
    meaning:
      'a CSV import has bad lines: nothing is imported, `fields` names each line and field with its problems',
  },
  [IncomingErrorCode.IMPORT_TOO_MANY_ROWS]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    meaning: 'a CSV import has more than 5,000 rows (`maxRows`, `line`): nothing is imported, split the file',
  },
  [IncomingErrorCode.IMPORT_BUSY]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    meaning: 'another CSV import is running on this instance; `Retry-After` says when to retry',
  },
  [IncomingErrorCode.IMPORT_CANCELLED]: {
    status: CLIENT_CLOSED_REQUEST,
    meaning: 'the client went away during a CSV import: it stopped and stored nothing (only in the logs)',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    incoming: IncomingErrorCode;
  }
}
