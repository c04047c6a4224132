import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { buildMessage, IsISO8601, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { isAcademicYear } from '../../common/domain.js';

/** Field decorators shared by the catalogue's DTOs (institutions, agreements, programmes). */

export const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export const UpperCased = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

export const LowerCased = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** The field may be left out, but not sent as null (its column is NOT NULL). */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** `2025/2026`: two consecutive years. */
export const IsAcademicYear = () =>
  ValidateBy({
    name: 'isAcademicYear',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isAcademicYear(value),
      defaultMessage: buildMessage(
        (each) => `${each}$property must be an academic year of two consecutive years, like 2025/2026`,
      ),
    },
  });

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
  );

/** An instant: ISO 8601 date and time with an explicit offset (Z or +01:00), so it is never ambiguous. */
export const IsInstant = () =>
  applyDecorators(
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be an ISO 8601 date-time such as 2026-01-15T12:00:00Z' },
    ),
    Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/i, {
      message: '$property must carry a time zone offset (Z or +01:00)',
    }),
  );

/** Escapes LIKE's wildcards so a search text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
