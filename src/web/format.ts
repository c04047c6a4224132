import type { Locale } from './locales.js';

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A plain date (`2026-02-01`) is a calendar day: shown as is, whatever the time zone. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formatDate(
  locale: Locale,
  timeZone: string,
  value: Date | string,
  style: 'long' | 'medium' | 'short' = 'long',
): string {
  const isDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  const date = isDay ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const zone = isDay ? 'UTC' : timeZone;
  return cached(
    `d|${locale}|${zone}|${style}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: zone }),
  ).format(date);
}

export function formatDateTime(locale: Locale, timeZone: string, value: Date | string): string {
  return cached(
    `dt|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }),
  ).format(new Date(value));
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(
    `n|${locale}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  ).format(value);
}

const names = new Map<string, Intl.DisplayNames>();
const shownNames = new Map<string, string>();

function displayName(locale: Locale, type: 'region' | 'language', code: string): string {
  const key = `${type}|${locale}`;
  let display = names.get(key);
  if (!display) {
    display = new Intl.DisplayNames(locale, { type, fallback: 'code' });
    names.set(key, display);
  }
  const remembered = shownNames.get(`${key}|${code}`);
  if (remembered !== undefined) return remembered;
  let shown: string;
  try {
    shown = display.of(type === 'region' ? code.toUpperCase() : code.toLowerCase()) ?? code;
  } catch {
    shown = code;
  }
  // A few hundred countries and languages per locale at most: kept, as a page shows dozens of them.
  if (shownNames.size < 10_000) shownNames.set(`${key}|${code}`, shown);
  return shown;
}

/** A country's name in the page's language (`KZ`: Kazakhstan, Казахстан, Қазақстан, ...). */
export const countryName = (locale: Locale, code: string) => displayName(locale, 'region', code);

/** A language's name in the page's language (`ru`: Russian, russe, русский, орыс тілі). */
export const languageName = (locale: Locale, code: string) => displayName(locale, 'language', code);
