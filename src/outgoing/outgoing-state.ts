/**
 * The rules of an outgoing mobility (EWP "omobility"), without a database (the workflow shape of
 * `src/common/workflow.ts`): the statuses of EWP (`nomination` -> `live` -> `recognized`,
 * `cancelled` from `nomination` or `live`), the receiving institution's answer to the nomination
 * (`pending` -> `verified` | `rejected`), what a step records, and the EWP values derived from the
 * application (term id, EQF level, European Student Identifier).
 */
import { HttpStatus } from '@nestjs/common';
import type { Term } from '../common/domain.js';
import { DomainException, InvalidInputError } from '../common/errors/domain.exception.js';
import { defineWorkflow } from '../common/workflow.js';
import type { StudyLevel } from '../users/role.js';
import { OutgoingErrorCode } from './outgoing-error-codes.js';

export const OUTGOING_STATUSES = ['nomination', 'live', 'recognized', 'cancelled'] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export const { canTransition, nextStatuses, assertTransition } = defineWorkflow<OutgoingStatus>({
  subject: 'An outgoing mobility',
  transitions: {
    nomination: ['live', 'cancelled'],
    live: ['recognized', 'cancelled'],
    recognized: [],
    cancelled: [],
  },
  invalidTransition: OutgoingErrorCode.INVALID_TRANSITION,
});

/** The receiving institution's answer to the nomination. */
export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const verification = defineWorkflow<VerificationStatus>({
  subject: 'The receiving institution’s answer',
  transitions: { pending: ['verified', 'rejected'], verified: [], rejected: [] },
  invalidTransition: OutgoingErrorCode.ALREADY_ANSWERED,
});

/** What a mobility knows about itself to move. */
export interface OutgoingState {
  status: OutgoingStatus;
  verificationStatus: VerificationStatus;
  actualArrival: string | null;
  actualDeparture: string | null;
}

export interface OutgoingTransitionRequest {
  to: OutgoingStatus;
  /**
   * YYYY-MM-DD: the actual arrival (`live`) or departure (`recognized`); default today. Null
   * for `recognized`: keep the departure recorded, if any (recognition by the learning agreement).
   */
  date?: string | null;
}

export interface OutgoingTransitionChanges {
  status: OutgoingStatus;
  actualArrival?: string;
  actualDeparture?: string;
}

/**
 * The rule of a status change: in order, a nomination goes live only once verified by the
 * receiving side, `live` records the actual arrival and `recognized` the actual departure (not in
 * the future, not before the arrival). Dates are YYYY-MM-DD strings, which compare as dates.
 */
export function planTransition(
  current: OutgoingState,
  request: OutgoingTransitionRequest,
  today: string,
): OutgoingTransitionChanges {
  const { to } = request;
  assertTransition(current.status, to);
  if (to === 'live' && current.verificationStatus !== 'verified') {
    throw new DomainException(
      OutgoingErrorCode.NOT_VERIFIED,
      `The receiving institution has not verified this nomination (its answer is ${current.verificationStatus}): it cannot go live`,
      HttpStatus.CONFLICT,
      { verification: current.verificationStatus },
    );
  }
  if (to === 'cancelled') {
    if (request.date !== undefined) {
      throw new InvalidInputError('date is recorded only on arrival (live) or departure (recognized)', [
        'date',
      ]);
    }
    return { status: to };
  }
  if (to === 'recognized' && request.date === null) return { status: to };
  const date = request.date ?? today;
  if (date > today) {
    throw new InvalidInputError(`date ${date} is in the future: record the actual date once it happened`, [
      'date',
    ]);
  }
  if (to === 'live') return { status: to, actualArrival: date };
  if (current.actualArrival !== null && date < current.actualArrival) {
    throw new InvalidInputError(
      `date ${date} is before the arrival on ${current.actualArrival}: a departure cannot precede it`,
      ['date'],
    );
  }
  return { status: to, actualDeparture: date };
}

/**
 * EWP's term id: the academic year, then the term's number and the number of terms
 * (`2025/2026-1/2` autumn, `2025/2026-2/2` spring, `2025/2026-1/1` the full year).
 */
export function ewpTermId(academicYear: string, term: Term): string {
  const part = term === 'autumn' ? '1/2' : term === 'spring' ? '2/2' : '1/1';
  return `${academicYear}-${part}`;
}

/** EQF level of a study level: 6 bachelor, 7 master, 8 doctorate. */
export const EQF_LEVELS = [6, 7, 8] as const;
export type EqfLevel = (typeof EQF_LEVELS)[number];
export function eqfLevelOf(studyLevel: StudyLevel | null): EqfLevel | null {
  if (studyLevel === 'bachelor') return 6;
  if (studyLevel === 'master') return 7;
  if (studyLevel === 'doctorate') return 8;
  return null;
}

/**
 * The European Student Identifier EWP requires, when nothing better is known: built from the
 * sending institution's SCHAC code and the student's local id (student number, else account id).
 */
export function defaultGlobalId(homeSchacCode: string, localId: string): string {
  return `urn:schac:personalUniqueCode:int:esi:${homeSchacCode}:${localId}`;
}
