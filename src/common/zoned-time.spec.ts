import { dayIn, instantAt } from './zoned-time.js';

describe('zoned time', () => {
  it('finds the instant of a wall-clock time in a zone, summer and winter', () => {
    expect(instantAt('2026-01-15', '00:00', 'Europe/Brussels').toISOString()).toBe(
      '2026-01-14T23:00:00.000Z',
    );
    expect(instantAt('2026-07-15', '23:59', 'Europe/Brussels').toISOString()).toBe(
      '2026-07-15T21:59:00.000Z',
    );
    expect(instantAt('2026-03-01', '12:00', 'Asia/Almaty').toISOString()).toBe('2026-03-01T07:00:00.000Z');
  });

  it('gives the calendar day of an instant in a zone', () => {
    expect(dayIn(new Date('2026-01-14T23:30:00Z'), 'Europe/Brussels')).toBe('2026-01-15');
    expect(dayIn(new Date('2026-01-14T23:30:00Z'), 'UTC')).toBe('2026-01-14');
  });
});
