import { plannedDateProblems } from './incoming-dates.js';

describe('plannedDateProblems', () => {
  it('accepts a departure after the arrival', () => {
    expect(plannedDateProblems({ plannedArrival: '2026-02-01', plannedDeparture: '2026-06-30' })).toEqual([]);
  });

  it.each([
    ['2026-02-01', '2026-02-01'],
    ['2026-02-01', '2026-01-31'],
  ])('refuses arrival %s and departure %s, naming plannedDeparture', (plannedArrival, plannedDeparture) => {
    expect(plannedDateProblems({ plannedArrival, plannedDeparture })).toEqual([
      { field: 'plannedDeparture', message: 'plannedDeparture must be after plannedArrival' },
    ]);
  });
});
