import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  buildMessage,
  IsISO8601,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDate } from '../dates.js';
import { isAcademicYear } from '../domain.js';

/** Field decorators shared by the DTOs of every feature. */

/** Trims a string before it is validated. */
export const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and upper-cases a string (country codes). */
export const UpperCased = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** Trims and lower-cases a string (domains, language codes). */
export const LowerCased = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Emails are stored and compared trimmed and lower-cased, so uniqueness ignores case. */
export const NormalizedEmail = LowerCased;

/**
 * The field may be left out, but not sent as null (its column is NOT NULL). Use instead of
 * @IsOptional() on such fields, so that a PATCH with null is a 400 rather than a database error.
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** `2025/2026`: two consecutive years. */
export const IsAcademicYear = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isAcademicYear',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isAcademicYear(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an academic year of two consecutive years, such as 2025/2026`,
        ),
      },
    },
    options,
  );

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a date that exists, written YYYY-MM-DD`,
        ),
      },
    },
    options,
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

/**
 * A finite number with at most `places` decimals. (class-validator's own maxDecimalPlaces throws
 * on numbers JavaScript writes in exponent form, such as 5e-324, turning bad input into a 500.)
 */
export const IsDecimal = (places: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDecimal',
      validator: {
        // Rounding to `places` decimals gives the number back exactly: 14.5 yes, 13.255 or 5e-324 no.
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a number with at most ${places} decimals`,
        ),
      },
    },
    options,
  );
