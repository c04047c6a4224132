import { DomainException } from '../common/errors/domain.exception.js';
import {
  actualDateProblems,
  canTransition,
  INCOMING_STATUSES,
  planTransition,
  type IncomingStatus,
  type MobilityState,
} from './incoming-state.js';

const TODAY = '2026-03-10';
const state = (
  status: IncomingStatus,
  actualArrival: string | null = null,
  actualDeparture: string | null = null,
): MobilityState => ({
  status,
  actualArrival,
  actualDeparture,
});

/** The error a call throws: its code, status and the fields it names. */
function codeOf(action: () => unknown): { code: string; status: number; fields?: string[] } | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    const fields = error.details?.fields as Array<{ field: string }> | undefined;
    return { code: error.code, status: error.status, fields: fields?.map((entry) => entry.field) };
  }
}

describe('incoming mobility state machine', () => {
  it('allows exactly nominated -> accepted -> arrived -> departed and cancelling before arrival', () => {
    const allowed = INCOMING_STATUSES.flatMap((from) =>
      INCOMING_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'nominated->accepted',
        'nominated->cancelled',
        'accepted->arrived',
        'accepted->cancelled',
        'arrived->departed',
      ].sort(),
    );
  });

  it.each([
    ['nominated', 'arrived'],
    ['nominated', 'departed'],
    ['accepted', 'departed'],
    ['arrived', 'cancelled'],
    ['arrived', 'accepted'],
    ['departed', 'arrived'],
    ['cancelled', 'nominated'],
    ['cancelled', 'accepted'],
    ['accepted', 'accepted'],
  ] as const)('refuses %s -> %s with a 409 INCOMING_INVALID_TRANSITION', (from, to) => {
    const arrival = from === 'arrived' || from === 'departed' ? '2026-02-01' : null;
    const departure = from === 'departed' ? '2026-03-01' : null;
    expect(codeOf(() => planTransition(state(from, arrival, departure), { to }, TODAY))).toEqual({
      code: 'INCOMING_INVALID_TRANSITION',
      status: 409,
      fields: undefined,
    });
  });

  it('records the arrival on the given date, or today by default', () => {
    expect(planTransition(state('accepted'), { to: 'arrived', date: '2026-02-02' }, TODAY)).toEqual({
      status: 'arrived',
      actualArrival: '2026-02-02',
    });
    expect(planTransition(state('accepted'), { to: 'arrived' }, TODAY)).toEqual({
      status: 'arrived',
      actualArrival: TODAY,
    });
  });

  it('records the departure, on the arrival day at the earliest', () => {
    expect(planTransition(state('arrived', '2026-02-02'), { to: 'departed' }, TODAY)).toEqual({
      status: 'departed',
      actualDeparture: TODAY,
    });
    expect(
      planTransition(state('arrived', '2026-02-02'), { to: 'departed', date: '2026-02-02' }, TODAY),
    ).toEqual({
      status: 'departed',
      actualDeparture: '2026-02-02',
    });
    expect(
      codeOf(() =>
        planTransition(state('arrived', '2026-02-02'), { to: 'departed', date: '2026-02-01' }, TODAY),
      ),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      fields: ['date'],
    });
  });

  it('refuses an actual date in the future, and a date on a transition that records none', () => {
    expect(
      codeOf(() => planTransition(state('accepted'), { to: 'arrived', date: '2026-03-11' }, TODAY))?.fields,
    ).toEqual(['date']);
    expect(
      codeOf(() => planTransition(state('nominated'), { to: 'accepted', date: '2026-03-01' }, TODAY))?.fields,
    ).toEqual(['date']);
    expect(planTransition(state('nominated'), { to: 'cancelled' }, TODAY)).toEqual({ status: 'cancelled' });
  });

  it('checks that the actual dates of a record fit its status (imported rows)', () => {
    expect(actualDateProblems(state('nominated'))).toEqual([]);
    expect(actualDateProblems(state('arrived', '2026-02-01'))).toEqual([]);
    expect(actualDateProblems(state('departed', '2026-02-01', '2026-02-01'))).toEqual([]);
    expect(actualDateProblems(state('arrived')).map((p) => p.field)).toEqual(['actualArrival']);
    expect(actualDateProblems(state('departed', '2026-02-01')).map((p) => p.field)).toEqual([
      'actualDeparture',
    ]);
    expect(actualDateProblems(state('departed', '2026-02-01', '2026-01-31')).map((p) => p.field)).toEqual([
      'actualDeparture',
    ]);
    expect(actualDateProblems(state('accepted', '2026-02-01', '2026-02-03')).map((p) => p.field)).toEqual([
      'actualArrival',
      'actualDeparture',
    ]);
  });
});
