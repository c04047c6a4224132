/** The languages of the pages, in the order the language switch shows them. */
export const LOCALES = ['fr', 'en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  fr: 'Français',
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best language of the portal for an Accept-Language header (`ru-RU,ru;q=0.9,en;q=0.8`):
 * the highest-weighted range whose primary tag the portal speaks, else the fallback.
 */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return fallback;
}

/** `/fr/programmes?q=x` -> `/en/programmes?q=x`: the same page in another language. */
export function switchLocale(url: string, to: Locale): string {
  const [path, query] = splitOnce(url, '?');
  const segments = path.split('/');
  if (isLocale(segments[1])) segments[1] = to;
  else segments.splice(1, 0, to);
  const switched = segments.join('/').replace(/\/$/, '') || `/${to}`;
  return query === undefined ? switched : `${switched}?${query}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
