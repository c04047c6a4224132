import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, validateSync } from 'class-validator';
import { containsPattern, escapeLike } from '../search.js';
import {
  IsAcademicYear,
  IsCalendarDate,
  IsDecimal,
  IsInstant,
  LowerCased,
  Omittable,
  Trimmed,
} from './fields.js';

class Sample {
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @IsOptional()
  @IsCalendarDate()
  day?: string;

  @IsOptional()
  @IsInstant()
  at?: string;

  @IsOptional()
  @IsDecimal(2)
  grade?: number;

  @Omittable()
  @Trimmed()
  @LowerCased()
  @IsString()
  code?: string;
}

/** The properties that fail validation. */
const invalid = (plain: Record<string, unknown>) =>
  validateSync(plainToInstance(Sample, plain)).map((error) => error.property);

describe('shared field decorators', () => {
  it('accepts an academic year of two consecutive years only', () => {
    expect(invalid({ academicYear: '2025/2026' })).toEqual([]);
    expect(invalid({ academicYear: '2025/2027' })).toEqual(['academicYear']);
    expect(invalid({ academicYear: '2025-2026' })).toEqual(['academicYear']);
  });

  it('accepts calendar dates that exist, written YYYY-MM-DD', () => {
    expect(invalid({ day: '2024-02-29' })).toEqual([]);
    expect(invalid({ day: '2026-02-29' })).toEqual(['day']);
    expect(invalid({ day: '2026-02-01T00:00:00Z' })).toEqual(['day']);
  });

  it('accepts instants with an explicit offset only', () => {
    expect(invalid({ at: '2026-01-14T09:00:00Z' })).toEqual([]);
    expect(invalid({ at: '2026-01-14T10:00:00+01:00' })).toEqual([]);
    expect(invalid({ at: '2026-01-14T09:00:00' })).toEqual(['at']);
    expect(invalid({ at: '2026-01-14' })).toEqual(['at']);
  });

  it('lets an omittable field be left out but not be null', () => {
    expect(invalid({})).toEqual([]);
    expect(invalid({ code: null })).toEqual(['code']);
    expect(plainToInstance(Sample, { code: '  EII ' }).code).toBe('eii');
  });
});

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(containsPattern('50%')).toBe('%50\\%%');
  });

  it('accepts numbers with at most two decimals, and refuses the rest without throwing', () => {
    for (const grade of [0, 20, 14.5, 13.25, 0.3, -0]) expect(invalid({ grade })).toEqual([]);
    for (const grade of [13.255, 5e-324, 1.5e-7, Number.NaN, Number.POSITIVE_INFINITY, '14.5', null]) {
      expect(invalid({ grade })).toEqual(grade === null ? [] : ['grade']);
    }
  });
});
