/** The academic year a day falls in: it starts on 1 September (`2026-02-01` -> `2025/2026`). */
export function academicYearOf(day: Date): string {
  const year = day.getUTCFullYear();
  const first = day.getUTCMonth() >= 8 ? year : year - 1;
  return `${first}/${first + 1}`;
}

/** Academic years a form offers: two before the current one to three after it, oldest first. */
export function academicYearsAround(day: Date, before = 2, after = 3): string[] {
  const first = Number(academicYearOf(day).slice(0, 4)) - before;
  return Array.from({ length: before + after + 1 }, (_, index) => `${first + index}/${first + index + 1}`);
}
