import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, validateSync } from 'class-validator';
import type { SelectQueryBuilder } from 'typeorm';
import { containsSearchText, escapeLike, searchParameters, whereContainsText } from '../search.js';
import { AcademicTermFiltersDto } from './academic-term-filters.dto.js';
import {
  DATE_MAX_LENGTH,
  IsAcademicYear,
  IsCalendarDate,
  IsDateTime,
  IsDecimal,
  IsInstant,
  LowerCased,
  Omittable,
  PatchType,
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

  @IsOptional()
  @IsDateTime()
  since?: string;
}

/** A create DTO: a required name, an optional note that null clears. */
class CreateThing {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsOptional()
  @IsString()
  note?: string | null;
}

class UpdateThing extends PatchType(CreateThing) {}

/** The properties that fail validation. */
const invalid = (plain: Record<string, unknown>, type: new () => object = Sample) =>
  validateSync(plainToInstance(type, plain)).map((error) => error.property);

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

  it('accepts ISO 8601 dates and date-times for IsDateTime', () => {
    expect(invalid({ since: '2026-01-14' })).toEqual([]);
    expect(invalid({ since: '2026-01-14T09:00:00Z' })).toEqual([]);
    expect(invalid({ since: '14/01/2026' })).toEqual(['since']);
  });

  it('refuses dates longer than DATE_MAX_LENGTH without running their patterns', () => {
    const long = 'T'.repeat(150_000);
    const started = performance.now();
    for (const field of ['academicYear', 'day', 'at', 'since']) {
      expect(invalid({ [field]: long })).toEqual([field]);
      expect(invalid({ [field]: `2026-01-14T09:00:00Z${' '.repeat(DATE_MAX_LENGTH)}` })).toEqual([field]);
    }
    // The instant's patterns alone took about ten seconds on the 150,000 characters.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('accepts numbers with at most two decimals, and refuses the rest without throwing', () => {
    for (const grade of [0, 20, 14.5, 13.25, 0.3, -0]) expect(invalid({ grade })).toEqual([]);
    for (const grade of [13.255, 5e-324, 1.5e-7, Number.NaN, Number.POSITIVE_INFINITY, '14.5', null]) {
      expect(invalid({ grade })).toEqual(grade === null ? [] : ['grade']);
    }
  });

  it('lets an omittable field be left out but not be null', () => {
    expect(invalid({})).toEqual([]);
    expect(invalid({ code: null })).toEqual(['code']);
    expect(plainToInstance(Sample, { code: '  EII ' }).code).toBe('eii');
  });

  it('makes a PATCH whose fields may be left out, null only where the create DTO allows it', () => {
    expect(invalid({}, UpdateThing)).toEqual([]);
    expect(invalid({ name: 'x' }, UpdateThing)).toEqual([]);
    expect(invalid({ name: null }, UpdateThing)).toEqual(['name']);
    expect(invalid({ name: '' }, UpdateThing)).toEqual(['name']);
    expect(invalid({ note: null }, UpdateThing)).toEqual([]);
    expect(invalid({}, CreateThing)).toEqual(['name']);
  });
});

describe('academic year and term filters', () => {
  it('take a valid academic year and a known term, both optional', () => {
    expect(invalid({}, AcademicTermFiltersDto)).toEqual([]);
    expect(invalid({ academicYear: '2025/2026', term: 'spring' }, AcademicTermFiltersDto)).toEqual([]);
    expect(invalid({ academicYear: '2025/2027', term: 'summer' }, AcademicTermFiltersDto)).toEqual([
      'academicYear',
      'term',
    ]);
  });
});

describe('search text', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(searchParameters('  50% ')).toEqual({ q: '50\\%' });
  });

  it('matches the shape of the trigram indexes, accents and case ignored', () => {
    expect(containsSearchText('p.title')).toBe(
      "portal_unaccent(lower(p.title)) LIKE '%' || portal_unaccent(lower(:q)) || '%'",
    );
  });

  it('filters on any of the expressions, and not at all for a blank q', () => {
    const calls: Array<[string, unknown]> = [];
    const query = {
      andWhere(where: string, parameters: unknown) {
        calls.push([where, parameters]);
        return this;
      },
    } as unknown as SelectQueryBuilder<object>;
    whereContainsText(query, ['u.email', 'u.name'], undefined);
    whereContainsText(query, ['u.email', 'u.name'], '   ');
    expect(calls).toEqual([]);
    whereContainsText(query, ['u.email', 'u.name'], ' Aliya_ ');
    expect(calls).toEqual([
      [`(${containsSearchText('u.email')} OR ${containsSearchText('u.name')})`, { q: 'Aliya\\_' }],
    ]);
  });
});
