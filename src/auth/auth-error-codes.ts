import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a sign-in or account-creation request can break (besides the shared ones). */
export enum AuthErrorCode {
  LOGIN_ACCOUNT_LIMITED = 'LOGIN_ACCOUNT_LIMITED',
  LOGIN_ADDRESS_LIMITED = 'LOGIN_ADDRESS_LIMITED',
  PASSWORD_HASHING_BUSY = 'PASSWORD_HASHING_BUSY',
  EMAIL_CONFUSABLE = 'EMAIL_CONFUSABLE',
}

export const AUTH_ERROR_CODES: ErrorCodeTable<AuthErrorCode> = {
  [AuthErrorCode.LOGIN_ACCOUNT_LIMITED]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    meaning:
      'more than 5 login attempts for this account from this address in a minute; `Retry-After` says when to retry',
  },
  [AuthErrorCode.LOGIN_ADDRESS_LIMITED]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    meaning:
      'more than 20 login attempts from this address in a minute, whatever the emails; `Retry-After` says when to retry',
  },
  [AuthErrorCode.PASSWORD_HASHING_BUSY]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    meaning: 'password hashing is at capacity, overall or for this address; `Retry-After` says when to retry',
  },
  [AuthErrorCode.EMAIL_CONFUSABLE]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'the email looks like an existing account’s (same Unicode skeleton: a Cyrillic а for a Latin a, rn for m, ...); `fields`: email',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    auth: AuthErrorCode;
  }
}
