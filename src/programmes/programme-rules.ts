/** Rules of a programme's dates, without a database. */

export interface ProgrammeDates {
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
}

export interface DateOrderProblem {
  fields: string[];
  message: string;
}

/** Midnight UTC at the start of a calendar date. */
function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The order a programme's dates must follow: applicationOpensAt < applicationClosesAt <=
 * startDate < endDate. Returns every broken link of the chain (empty when all hold).
 */
export function dateOrderProblems(dates: ProgrammeDates): DateOrderProblem[] {
  const problems: DateOrderProblem[] = [];
  if (dates.applicationOpensAt.getTime() >= dates.applicationClosesAt.getTime()) {
    problems.push({
      fields: ['applicationOpensAt', 'applicationClosesAt'],
      message: 'applicationOpensAt must be before applicationClosesAt',
    });
  }
  if (dates.applicationClosesAt.getTime() > startOfDay(dates.startDate)) {
    problems.push({
      fields: ['applicationClosesAt', 'startDate'],
      message: 'applicationClosesAt must not be after the start of startDate',
    });
  }
  if (startOfDay(dates.startDate) >= startOfDay(dates.endDate)) {
    problems.push({ fields: ['startDate', 'endDate'], message: 'startDate must be before endDate' });
  }
  return problems;
}
