import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule an account request can break (besides the shared ones). */
export enum UserErrorCode {
  HOME_FACULTY_LOCKED = 'HOME_FACULTY_LOCKED',
}

export const USER_ERROR_CODES: ErrorCodeTable<UserErrorCode> = {
  [UserErrorCode.HOME_FACULTY_LOCKED]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'a student sets their home faculty once (eligibility rests on it); afterwards only staff change it (`fields`: homeFacultyId)',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    users: UserErrorCode;
  }
}
