import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isAcademicYear } from '../../common/domain.js';

/** Trims strings (names, codes) before they are validated. */
export const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and lower-cases an email, as it is stored. */
export const NormalizedEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** `2025/2026`: two consecutive years. */
export const IsAcademicYear = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isAcademicYear',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isAcademicYear(value),
        defaultMessage: () => '$property must be an academic year such as 2025/2026',
      },
    },
    options,
  );
