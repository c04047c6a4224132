/**
 * The rules of an incoming mobility, without a database (the workflow shape of
 * `src/common/workflow.ts`): which status may follow which, and what a step records (the actual
 * arrival and departure dates). The service applies them to rows it has locked.
 */
import { InvalidInputError } from '../common/errors/domain.exception.js';
import { defineWorkflow } from '../common/workflow.js';
import { IncomingErrorCode } from './incoming-error-codes.js';

export const INCOMING_STATUSES = ['nominated', 'accepted', 'arrived', 'departed', 'cancelled'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

/**
 * The moves an incoming mobility may make: `nominated` -> `accepted` -> `arrived` -> `departed`,
 * and `cancelled` from either state before arrival. Anything else is out of order.
 */
export const { canTransition, nextStatuses, assertTransition } = defineWorkflow<IncomingStatus>({
  subject: 'An incoming mobility',
  transitions: {
    nominated: ['accepted', 'cancelled'],
    accepted: ['arrived', 'cancelled'],
    arrived: ['departed'],
    departed: [],
    cancelled: [],
  },
  invalidTransition: IncomingErrorCode.INVALID_TRANSITION,
});

/** States that record an actual date when entered. */
const DATED: ReadonlySet<IncomingStatus> = new Set(['arrived', 'departed']);

/** What a mobility needs to know about itself to move. */
export interface MobilityState {
  status: IncomingStatus;
  actualArrival: string | null;
  actualDeparture: string | null;
}

export interface TransitionRequest {
  to: IncomingStatus;
  /** YYYY-MM-DD; only for `arrived` and `departed`, where it defaults to today. */
  date?: string;
}

/** The columns a transition changes. */
export interface TransitionChanges {
  status: IncomingStatus;
  actualArrival?: string;
  actualDeparture?: string;
}

/**
 * The rule of a transition, without a database: checks the move is in order and the date makes
 * sense, and says what to store. Dates are YYYY-MM-DD strings, which compare as dates.
 */
export function planTransition(
  current: MobilityState,
  request: TransitionRequest,
  today: string,
): TransitionChanges {
  const { to } = request;
  assertTransition(current.status, to);
  if (!DATED.has(to)) {
    if (request.date !== undefined) {
      throw new InvalidInputError(`date is recorded only on arrival or departure, not when ${to}`, ['date']);
    }
    return { status: to };
  }
  const date = request.date ?? today;
  if (date > today) {
    throw new InvalidInputError(`date ${date} is in the future: record the actual date once it happened`, [
      'date',
    ]);
  }
  if (to === 'arrived') return { status: to, actualArrival: date };
  if (current.actualArrival !== null && date < current.actualArrival) {
    throw new InvalidInputError(
      `date ${date} is before the arrival on ${current.actualArrival}: a departure cannot precede it`,
      ['date'],
    );
  }
  return { status: to, actualDeparture: date };
}

/**
 * Problems with the actual dates a record holds for its status (used for imported rows, where
 * status and dates come together): the same rule the table's CHECK holds.
 */
export function actualDateProblems(state: MobilityState): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const dated = DATED.has(state.status);
  if (dated && state.actualArrival === null) {
    problems.push({ field: 'actualArrival', message: `status ${state.status} needs an actual arrival date` });
  }
  if (!dated && state.actualArrival !== null) {
    problems.push({ field: 'actualArrival', message: `status ${state.status} has no actual arrival date` });
  }
  if (state.status === 'departed') {
    if (state.actualDeparture === null) {
      problems.push({ field: 'actualDeparture', message: 'status departed needs an actual departure date' });
    } else if (state.actualArrival !== null && state.actualDeparture < state.actualArrival) {
      problems.push({
        field: 'actualDeparture',
        message: 'the actual departure is before the actual arrival',
      });
    }
  } else if (state.actualDeparture !== null) {
    problems.push({
      field: 'actualDeparture',
      message: `status ${state.status} has no actual departure date`,
    });
  }
  return problems;
}
