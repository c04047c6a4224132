import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a programme request can break (besides the shared ones). */
export enum ProgrammeErrorCode {
  PLACES_BELOW_TAKEN = 'PLACES_BELOW_TAKEN',
}

export const PROGRAMME_ERROR_CODES: ErrorCodeTable<ProgrammeErrorCode> = {
  [ProgrammeErrorCode.PLACES_BELOW_TAKEN]: {
    status: HttpStatus.CONFLICT,
    meaning: '`places` cannot drop below the places already taken',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    programmes: ProgrammeErrorCode;
  }
}
