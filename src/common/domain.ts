/** Vocabulary shared by several features. */

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** True when `level` is at least `required` (A1 < A2 < ... < C2). */
export function meetsCefrLevel(level: CefrLevel, required: CefrLevel): boolean {
  return CEFR_LEVELS.indexOf(level) >= CEFR_LEVELS.indexOf(required);
}

export const TERMS = ['autumn', 'spring', 'full-year'] as const;
export type Term = (typeof TERMS)[number];

/** `2025/2026`: two consecutive years. */
export const ACADEMIC_YEAR_PATTERN = /^(\d{4})\/(\d{4})$/;

export function isAcademicYear(value: string): boolean {
  const match = ACADEMIC_YEAR_PATTERN.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** The languages the portal speaks (pages, notifications), and a user's preferred one. */
export const LOCALES = ['fr', 'en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
