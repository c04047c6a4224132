import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule an application request can break (besides the shared ErrorCode ones). */
export enum ApplicationErrorCode {
  ALREADY_EXISTS = 'APPLICATION_ALREADY_EXISTS',
  INVALID_TRANSITION = 'APPLICATION_INVALID_TRANSITION',
  NOT_EDITABLE = 'APPLICATION_NOT_EDITABLE',
  INCOMPLETE = 'APPLICATION_INCOMPLETE',
  WINDOW_CLOSED = 'APPLICATION_WINDOW_CLOSED',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  PROGRAMME_FULL = 'PROGRAMME_FULL',
  OWN_APPLICATION = 'APPLICATION_OWN_DECISION',
  CONFIRMATION_CLOSED = 'APPLICATION_CONFIRMATION_CLOSED',
}

export const APPLICATION_ERROR_CODES: ErrorCodeTable<ApplicationErrorCode> = {
  [ApplicationErrorCode.ALREADY_EXISTS]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the student already has a live application for this academic year and term',
  },
  [ApplicationErrorCode.INVALID_TRANSITION]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the application cannot go from its status to the one asked (`from`, `to`)',
  },
  [ApplicationErrorCode.NOT_EDITABLE]: {
    status: HttpStatus.CONFLICT,
    meaning: 'only a draft can be edited, and its language skills verified only while a decision is awaited',
  },
  [ApplicationErrorCode.INCOMPLETE]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the draft lacks what a submission needs (a motivation of 50 to 5,000 characters)',
  },
  [ApplicationErrorCode.WINDOW_CLOSED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'a choice is not open for applications now',
  },
  [ApplicationErrorCode.NOT_ELIGIBLE]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the student does not meet a choice’s faculty or language rule (`rule`, `programmeId`)',
  },
  [ApplicationErrorCode.PROGRAMME_FULL]: {
    status: HttpStatus.CONFLICT,
    meaning: 'no place is left on the programme (or on any choice) to approve the application',
  },
  [ApplicationErrorCode.OWN_APPLICATION]: {
    status: HttpStatus.FORBIDDEN,
    meaning: 'nobody decides, or verifies the language skills of, an application they are the student of',
  },
  [ApplicationErrorCode.CONFIRMATION_CLOSED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the deadline to confirm or decline the approved place has passed (`deadline`)',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    applications: ApplicationErrorCode;
  }
}
