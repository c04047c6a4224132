import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  getMetadataStorage,
  IsArray,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { boundsOf, findOutOfBounds, INPUT_LIMITS } from './bounds.js';
import { DATE_MAX_LENGTH, IsInstant, PatchType } from './fields.js';

class Skill {
  @IsString()
  @MaxLength(2)
  language: string;
}

class Sample {
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @MaxLength(5, { each: true })
  codes: string[];

  @IsOptional()
  @IsString()
  @Length(1, 10)
  name?: string;

  @IsOptional()
  @IsInstant()
  at?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => Skill)
  skills?: Skill[];

  @IsOptional()
  @IsString()
  free?: string;
}

class SamplePatch extends PatchType(Sample) {}

const fieldsOf = (value: unknown, type: unknown = Sample) =>
  findOutOfBounds(type, value).map(({ field }) => field);

describe('input bounds', () => {
  it('reads each field’s maximum from its DTO, inherited and mapped ones included', () => {
    for (const type of [Sample, SamplePatch]) {
      const plan = boundsOf(type)!;
      expect(plan.get('codes')?.items?.limit).toBe(3);
      expect(plan.get('codes')?.eachText?.limit).toBe(5);
      expect(plan.get('name')?.text?.limit).toBe(10);
      expect(plan.get('at')?.text?.limit).toBe(DATE_MAX_LENGTH);
      expect(plan.get('skills')?.nested?.()).toBe(Skill);
    }
  });

  it('accepts values within their limits', () => {
    expect(
      fieldsOf({ codes: ['a', 'bcdef'], name: 'x'.repeat(10), at: '2026-01-15T12:00:00Z', skills: [{}] }),
    ).toEqual([]);
    expect(fieldsOf(undefined)).toEqual([]);
    expect(fieldsOf({ free: 'x'.repeat(INPUT_LIMITS.text) })).toEqual([]);
  });

  it('refuses over-long text and lists with class-validator’s wording, naming the field', () => {
    expect(findOutOfBounds(Sample, { codes: ['a', 'b', 'c', 'd'], name: 'x'.repeat(11) })).toEqual([
      { field: 'codes', problems: ['codes must contain no more than 3 elements'] },
      { field: 'name', problems: ['name must be shorter than or equal to 10 characters'] },
    ]);
    expect(findOutOfBounds(Sample, { codes: ['abcdef'] })).toEqual([
      { field: 'codes.0', problems: ['each value in codes must be shorter than or equal to 5 characters'] },
    ]);
    expect(fieldsOf({ at: 'T'.repeat(41) })).toEqual(['at']);
    expect(fieldsOf({ skills: [{ language: 'eng' }] })).toEqual(['skills.0.language']);
    expect(fieldsOf({ skills: [{ language: 'eng' }] }, SamplePatch)).toEqual(['skills.0.language']);
  });

  it('holds fields a DTO does not bound, and unknown ones, to the defaults', () => {
    expect(fieldsOf({ free: 'x'.repeat(INPUT_LIMITS.text + 1) })).toEqual(['free']);
    expect(fieldsOf({ unknown: Array.from({ length: INPUT_LIMITS.items + 1 }, () => 1) })).toEqual([
      'unknown',
    ]);
    expect(fieldsOf({ codes: [{ nested: 'x'.repeat(1000) }] })).toEqual(['codes.0.nested']);
    const manyKeys = Object.fromEntries(
      Array.from({ length: INPUT_LIMITS.keys + 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(findOutOfBounds(Sample, manyKeys)).toEqual([
      { field: 'body', problems: [`body must have no more than ${INPUT_LIMITS.keys} fields`] },
    ]);
    expect(fieldsOf('x'.repeat(INPUT_LIMITS.text + 1))).toEqual(['body']);
  });

  it('refuses deep nesting without walking it', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(fieldsOf({ codes: deep })).toEqual(['codes.0.0.0.0']);
  });

  it('reports a bounded number of problems', () => {
    const value = { codes: Array.from({ length: 3 }, () => 'x'.repeat(6)), skills: [{ language: 'xxx' }] };
    expect(fieldsOf(value)).toHaveLength(4);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    expect(fieldsOf(many)).toHaveLength(INPUT_LIMITS.problems);
  });

  it('refuses 120,000 items and 150,000 characters in milliseconds', () => {
    const items = { codes: Array.from({ length: 120_000 }, (_, i) => String(i)) };
    const text = { at: 'T'.repeat(150_000) };
    const started = performance.now();
    const problems = [fieldsOf(items), fieldsOf(text)];
    // Generous for a loaded machine: class-validator took seconds on these values.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([['codes'], ['at']]);
  });
});

/**
 * Every DTO of the portal: each list has a small maximum of its own, each date field a short one.
 * (Any other text is held at least to INPUT_LIMITS.text by the validation pipe.)
 */
describe('the portal’s DTOs', () => {
  const sourceRoot = join(process.cwd(), 'src');
  const dtoFiles = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return dtoFiles(path);
      return /\/dto\/[^/]+\.ts$/.test(path) && !/\.(spec|response)\.ts$/.test(path) ? [path] : [];
    });

  it('bound every list and every date field', async () => {
    const problems: string[] = [];
    let classes = 0;
    for (const file of dtoFiles(sourceRoot)) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, exported] of Object.entries(module)) {
        if (typeof exported !== 'function') continue;
        const metadatas = getMetadataStorage().getTargetValidationMetadatas(exported, '', true, false);
        if (metadatas.length === 0) continue;
        classes += 1;
        const plan = boundsOf(exported)!;
        const where = (property: string) => `${relative(sourceRoot, file)} ${name}.${property}`;
        for (const meta of metadatas) {
          const bounds = plan.get(meta.propertyName);
          if (meta.name === 'isArray' && !(bounds?.items && bounds.items.limit <= INPUT_LIMITS.items))
            problems.push(`${where(meta.propertyName)}: a list without a small @ArrayMaxSize`);
          if (
            ['isAcademicYear', 'isCalendarDate', 'isInstant', 'isDateTime'].includes(meta.name ?? '') &&
            !(bounds?.text && bounds.text.limit <= DATE_MAX_LENGTH)
          )
            problems.push(`${where(meta.propertyName)}: a date without a short maximum length`);
          if (meta.name === 'isIso8601')
            problems.push(`${where(meta.propertyName)}: IsISO8601 without a length bound (use IsDateTime)`);
        }
      }
    }
    expect(classes).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
