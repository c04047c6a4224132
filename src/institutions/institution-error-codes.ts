import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule an institution or faculty request can break (besides the shared ones). */
export enum InstitutionErrorCode {
  SCHAC_CODE_TAKEN = 'SCHAC_CODE_TAKEN',
  ERASMUS_CODE_TAKEN = 'ERASMUS_CODE_TAKEN',
  HOME_INSTITUTION_EXISTS = 'HOME_INSTITUTION_EXISTS',
  HOME_INSTITUTION_REQUIRED = 'HOME_INSTITUTION_REQUIRED',
  FACULTY_CODE_TAKEN = 'FACULTY_CODE_TAKEN',
}

export const INSTITUTION_ERROR_CODES: ErrorCodeTable<InstitutionErrorCode> = {
  [InstitutionErrorCode.SCHAC_CODE_TAKEN]: {
    status: HttpStatus.CONFLICT,
    meaning: 'another institution already has this schacCode',
  },
  [InstitutionErrorCode.ERASMUS_CODE_TAKEN]: {
    status: HttpStatus.CONFLICT,
    meaning: 'another institution already has this erasmusCode',
  },
  [InstitutionErrorCode.HOME_INSTITUTION_EXISTS]: {
    status: HttpStatus.CONFLICT,
    meaning: 'another institution already is the home institution (there is exactly one)',
  },
  [InstitutionErrorCode.HOME_INSTITUTION_REQUIRED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the home institution cannot stop being it (there is exactly one)',
  },
  [InstitutionErrorCode.FACULTY_CODE_TAKEN]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the institution already has a faculty with this code',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    institutions: InstitutionErrorCode;
  }
}
