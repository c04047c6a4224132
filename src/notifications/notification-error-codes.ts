import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a notification request can break (besides the shared ones). */
export enum NotificationErrorCode {
  NOT_DEAD = 'NOTIFICATION_NOT_DEAD',
}

export const NOTIFICATION_ERROR_CODES: ErrorCodeTable<NotificationErrorCode> = {
  [NotificationErrorCode.NOT_DEAD]: {
    status: HttpStatus.CONFLICT,
    meaning: 'only an e-mail given up (`dead`) can be sent again',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    notifications: NotificationErrorCode;
  }
}
