import { DomainException } from '../common/errors/domain.exception.js';
import {
  canTransition,
  defaultGlobalId,
  eqfLevelOf,
  ewpTermId,
  planTransition,
  verification,
  type OutgoingState,
} from './outgoing-state.js';

const nomination: OutgoingState = {
  status: 'nomination',
  verificationStatus: 'verified',
  actualArrival: null,
  actualDeparture: null,
};

describe('outgoing mobility rules', () => {
  it('follows EWP: nomination -> live -> recognized, cancelled from nomination or live', () => {
    expect(canTransition('nomination', 'live')).toBe(true);
    expect(canTransition('live', 'recognized')).toBe(true);
    expect(canTransition('nomination', 'cancelled')).toBe(true);
    expect(canTransition('live', 'cancelled')).toBe(true);
    expect(canTransition('nomination', 'recognized')).toBe(false);
    expect(canTransition('recognized', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'live')).toBe(false);
  });

  it('goes live only once verified, recording the arrival; the departure not before it', () => {
    expect(() =>
      planTransition({ ...nomination, verificationStatus: 'pending' }, { to: 'live' }, '2026-02-01'),
    ).toThrow(DomainException);
    expect(planTransition(nomination, { to: 'live' }, '2026-02-01')).toEqual({
      status: 'live',
      actualArrival: '2026-02-01',
    });
    expect(() => planTransition(nomination, { to: 'live', date: '2026-02-02' }, '2026-02-01')).toThrow(
      /future/,
    );
    const live = { ...nomination, status: 'live' as const, actualArrival: '2026-02-01' };
    expect(() => planTransition(live, { to: 'recognized', date: '2026-01-31' }, '2026-07-01')).toThrow(
      /before/,
    );
    expect(planTransition(live, { to: 'recognized', date: '2026-06-30' }, '2026-07-01')).toEqual({
      status: 'recognized',
      actualDeparture: '2026-06-30',
    });
    expect(() => planTransition(live, { to: 'cancelled', date: '2026-06-30' }, '2026-07-01')).toThrow(/date/);
  });

  it('answers a nomination once: pending -> verified | rejected', () => {
    expect(verification.canTransition('pending', 'verified')).toBe(true);
    expect(verification.canTransition('pending', 'rejected')).toBe(true);
    expect(() => verification.assertTransition('verified', 'rejected')).toThrow(DomainException);
  });

  it('derives the EWP term id, EQF level and default European Student Identifier', () => {
    expect(ewpTermId('2025/2026', 'spring')).toBe('2025/2026-2/2');
    expect(ewpTermId('2025/2026', 'autumn')).toBe('2025/2026-1/2');
    expect(ewpTermId('2025/2026', 'full-year')).toBe('2025/2026-1/1');
    expect([eqfLevelOf('bachelor'), eqfLevelOf('master'), eqfLevelOf('doctorate'), eqfLevelOf(null)]).toEqual(
      [6, 7, 8, null],
    );
    expect(defaultGlobalId('umons.ac.be', '123')).toBe(
      'urn:schac:personalUniqueCode:int:esi:umons.ac.be:123',
    );
  });
});
