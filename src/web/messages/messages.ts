import { Logger } from '@nestjs/common';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from '../locales.js';

/** One feature's strings in every language: `{ en: { key: text }, fr: {...}, ru: {...}, kk: {...} }`. */
export type MessageCatalogue = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

/** Values put into a message's `{placeholders}`; numbers also drive `{count, plural, ...}`. */
export type MessageValues = Record<string, string | number | Date | null | undefined>;

/**
 * A feature's catalogue, English first: TypeScript refuses a language that lacks one of English's
 * keys or has one more (a unit test checks the same at run time for every catalogue).
 * Texts use ICU MessageFormat: `{count, plural, one {# place} other {# places}}`, and for Russian
 * the `one`, `few` and `many` forms.
 */
export function defineMessages<const K extends string>(
  en: Record<K, string>,
  others: Record<Exclude<Locale, 'en'>, NoInfer<Record<K, string>>>,
): MessageCatalogue {
  return { en, ...others };
}

/** Keys one language has and another lacks, as `"ru lacks foo.bar"` lines (empty when complete). */
export function catalogueGaps(catalogue: MessageCatalogue): string[] {
  const all = new Set(LOCALES.flatMap((locale) => Object.keys(catalogue[locale] ?? {})));
  const gaps: string[] = [];
  for (const locale of LOCALES) {
    for (const key of all) {
      if (!catalogue[locale] || !(key in catalogue[locale])) gaps.push(`${locale} lacks ${key}`);
    }
  }
  return gaps.sort();
}

/**
 * Every catalogue of the portal, merged. Features add theirs when their module starts
 * (`WebRegistry.addMessages`); a key defined twice is a start-up error.
 */
export class MessageBook {
  private readonly logger = new Logger('Messages');
  private readonly texts = new Map<Locale, Map<string, string>>(LOCALES.map((locale) => [locale, new Map()]));
  private readonly compiled = new Map<string, IntlMessageFormat>();
  private readonly reportedMissing = new Set<string>();

  add(catalogue: MessageCatalogue): void {
    const gaps = catalogueGaps(catalogue);
    if (gaps.length > 0) throw new Error(`Incomplete message catalogue: ${gaps.join(', ')}`);
    for (const locale of LOCALES) {
      const texts = this.texts.get(locale)!;
      for (const [key, text] of Object.entries(catalogue[locale])) {
        if (texts.has(key) && texts.get(key) !== text) throw new Error(`Message key defined twice: ${key}`);
        texts.set(key, text);
      }
    }
  }

  has(key: string): boolean {
    return this.texts.get('en')!.has(key);
  }

  /** Every key (the UI tests look for any of them showing raw on a page). */
  keys(): string[] {
    return [...this.texts.get('en')!.keys()];
  }

  /** The message in the language, its placeholders filled; an unknown key shows as itself (and is logged once). */
  format(locale: Locale, key: string, values?: MessageValues): string {
    const text = this.texts.get(locale)!.get(key);
    if (text === undefined) {
      if (!this.reportedMissing.has(key)) {
        this.reportedMissing.add(key);
        this.logger.warn(`No message for key ${key}`);
      }
      return key;
    }
    const cacheKey = `${locale}\u0000${key}`;
    let message = this.compiled.get(cacheKey);
    if (!message) {
      message = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
      this.compiled.set(cacheKey, message);
    }
    return String(message.format(values as Record<string, string | number | Date>));
  }
}
