import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a personal-data request can break (besides the shared ones). */
export enum PrivacyErrorCode {
  CANNOT_ERASE_SELF = 'CANNOT_ERASE_SELF',
  USER_ALREADY_ERASED = 'USER_ALREADY_ERASED',
}

export const PRIVACY_ERROR_CODES: ErrorCodeTable<PrivacyErrorCode> = {
  [PrivacyErrorCode.CANNOT_ERASE_SELF]: {
    status: HttpStatus.CONFLICT,
    meaning: 'an admin cannot erase their own account',
  },
  [PrivacyErrorCode.USER_ALREADY_ERASED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the person has already been erased',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    privacy: PrivacyErrorCode;
  }
}
