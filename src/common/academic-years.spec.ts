import { academicYearOf, academicYearsAround } from './academic-years.js';

describe('academic years', () => {
  it('starts a year on 1 September', () => {
    expect(academicYearOf(new Date('2026-08-31T12:00:00Z'))).toBe('2025/2026');
    expect(academicYearOf(new Date('2026-09-01T12:00:00Z'))).toBe('2026/2027');
    expect(academicYearOf(new Date('2026-02-01T12:00:00Z'))).toBe('2025/2026');
  });

  it('offers the years around the current one, oldest first', () => {
    expect(academicYearsAround(new Date('2026-02-01T12:00:00Z'), 1, 2)).toEqual([
      '2024/2025',
      '2025/2026',
      '2026/2027',
      '2027/2028',
    ]);
  });
});
