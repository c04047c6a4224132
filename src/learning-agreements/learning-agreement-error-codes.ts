import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a learning-agreement request can break (besides the shared ones). */
export enum LearningAgreementErrorCode {
  STALE = 'LA_STALE',
  ALREADY_SIGNED = 'LA_ALREADY_SIGNED',
  NOT_SIGNABLE = 'LA_NOT_SIGNABLE',
  INCOMPLETE = 'LA_INCOMPLETE',
  CHANGES_AFTER_APPROVAL = 'LA_CHANGES_AFTER_APPROVAL',
  NOT_APPROVED = 'LA_NOT_APPROVED',
  CLOSED = 'LA_CLOSED',
}

export const LEARNING_AGREEMENT_ERROR_CODES: ErrorCodeTable<LearningAgreementErrorCode> = {
  [LearningAgreementErrorCode.STALE]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'the hash given is not the one of the latest version: the agreement changed since it was read; nothing was signed (`expected`, `given`)',
  },
  [LearningAgreementErrorCode.ALREADY_SIGNED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'this side has already signed this version (`party`, `status`)',
  },
  [LearningAgreementErrorCode.NOT_SIGNABLE]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'the version is not at the step where this side acts: the student and the sending side sign a draft, the receiving side signs or comments on a proposal (`party`, `status`)',
  },
  [LearningAgreementErrorCode.INCOMPLETE]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'the version lacks what a signature needs: components in tables A and B, language, EQF level, field of education, both responsible persons, a reason under 20 ECTS a semester (`missing`)',
  },
  [LearningAgreementErrorCode.CHANGES_AFTER_APPROVAL]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'once a version is approved the tables change only through changes (inserted and deleted components with reasons); before, only as a whole draft (`approvedVersion`)',
  },
  [LearningAgreementErrorCode.NOT_APPROVED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'results and recognition need an approved version, and name its components (`codes`)',
  },
  [LearningAgreementErrorCode.CLOSED]: {
    status: HttpStatus.CONFLICT,
    meaning:
      'the mobility is not at the step this needs: the agreement is drafted and signed until the mobility is recognised or cancelled or the receiving side rejects the nomination, results and recognition are recorded while it is live (`status`)',
  },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    learningAgreement: LearningAgreementErrorCode;
  }
}
