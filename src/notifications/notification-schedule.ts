/** The periods of the digests, without a database: which day or week a run at `now` covers (UTC). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The advisors' daily digest run at `now` covers the previous whole UTC day. */
export function digestDay(now: Date): { day: string; from: Date; to: Date } {
  const to = new Date(`${utcDay(now)}T00:00:00.000Z`);
  const from = new Date(to.getTime() - DAY_MS);
  return { day: utcDay(from), from, to };
}

/** The coordinators' weekly digest run at `now` covers its week, Monday to Sunday. */
export function digestWeek(now: Date): { monday: string; sunday: string } {
  const midnight = new Date(`${utcDay(now)}T00:00:00.000Z`);
  const sinceMonday = (midnight.getUTCDay() + 6) % 7;
  const monday = new Date(midnight.getTime() - sinceMonday * DAY_MS);
  return { monday: utcDay(monday), sunday: utcDay(new Date(monday.getTime() + 6 * DAY_MS)) };
}

/** A draft is reminded of a window that closes within this long. */
export const REMINDER_BEFORE_MS = 2 * DAY_MS;
