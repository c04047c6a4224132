import { applyDecorators, type Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  buildMessage,
  isISO8601,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDate } from '../dates.js';
import { normaliseEmail, NoInvisibleCharacters } from '../../users/email-address.js';
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

/**
 * Emails are stored and compared NFKC-normalised, trimmed and lower-cased, so uniqueness ignores
 * case and full-width forms; an invisible or formatting character is a 400 naming the field.
 */
export const NormalizedEmail = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value)),
    NoInvisibleCharacters(),
  );

/**
 * The one way to say "may be left out, but never null" (its column is NOT NULL): the field's
 * validators are skipped when it is absent and run on null, so null is a 400 naming the field
 * rather than a database error. Use instead of @IsOptional() on such fields; @IsOptional() stays
 * for the fields where null means "none" (it clears them).
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * The body of a PATCH made from a create DTO: every field may be left out, and each is Omittable,
 * so null is refused for the fields the create DTO requires and allowed only where it has
 * @IsOptional(). (PartialType's own default would let null through to every field.)
 */
export function PatchType<T>(create: Type<T>): Type<Partial<T>> {
  // skipNullProperties: false makes PartialType add exactly Omittable's ValidateIf to each field.
  return PartialType(create, { skipNullProperties: false });
}

/**
 * The longest a date, an instant or an academic year may be written (`2026-01-15T12:00:00.000+01:00`
 * has 29 characters). The validation pipe refuses a longer one before any date pattern runs, and
 * the date validators below refuse it without running their pattern wherever they are used.
 */
export const DATE_MAX_LENGTH = 40;

const shortText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= DATE_MAX_LENGTH;

/** `2025/2026`: two consecutive years. */
export const IsAcademicYear = (options?: ValidationOptions) =>
  applyDecorators(
    MaxLength(DATE_MAX_LENGTH, options),
    ValidateBy(
      {
        name: 'isAcademicYear',
        validator: {
          validate: (value: unknown) => shortText(value) && isAcademicYear(value),
          defaultMessage: buildMessage(
            (each) => `${each}$property must be an academic year of two consecutive years, such as 2025/2026`,
          ),
        },
      },
      options,
    ),
  );

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  applyDecorators(
    MaxLength(DATE_MAX_LENGTH, options),
    ValidateBy(
      {
        name: 'isCalendarDate',
        validator: {
          validate: (value: unknown) => shortText(value) && isCalendarDate(value),
          defaultMessage: buildMessage(
            (each) => `${each}$property must be a date that exists, written YYYY-MM-DD`,
          ),
        },
      },
      options,
    ),
  );

/** An ISO 8601 date, or date and time, at most DATE_MAX_LENGTH characters (the audit's filters). */
export const IsDateTime = () =>
  applyDecorators(
    MaxLength(DATE_MAX_LENGTH),
    ValidateBy({
      name: 'isDateTime',
      validator: {
        validate: (value: unknown) => shortText(value) && isISO8601(value, { strict: true }),
        defaultMessage: () => '$property must be a valid ISO 8601 date string',
      },
    }),
  );

/** An instant: ISO 8601 date and time with an explicit offset (Z or +01:00), so it is never ambiguous. */
export const IsInstant = () =>
  applyDecorators(
    MaxLength(DATE_MAX_LENGTH),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: (value: unknown) =>
          shortText(value) && isISO8601(value, { strict: true, strictSeparator: true }),
        defaultMessage: () => '$property must be an ISO 8601 date-time such as 2026-01-15T12:00:00Z',
      },
    }),
    ValidateBy({
      name: 'hasTimeZone',
      validator: {
        validate: (value: unknown) => shortText(value) && /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value),
        defaultMessage: () => '$property must carry a time zone offset (Z or +01:00)',
      },
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
