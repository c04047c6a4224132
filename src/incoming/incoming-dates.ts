import type { FieldProblem } from './incoming-references.js';

/**
 * The planned stay must end after it starts. Dates are YYYY-MM-DD strings, which compare as
 * dates. Used on creation, on correction and for every imported line.
 */
export function plannedDateProblems(dates: {
  plannedArrival: string;
  plannedDeparture: string;
}): FieldProblem[] {
  if (dates.plannedDeparture > dates.plannedArrival) return [];
  return [{ field: 'plannedDeparture', message: 'plannedDeparture must be after plannedArrival' }];
}
