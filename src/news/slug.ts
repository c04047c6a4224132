import slugify from '@sindresorhus/slugify';
import { SLUG_MAX_LENGTH } from './dto/news-fields.js';

/** Room left after the base for a collision suffix such as -12. */
const BASE_MAX_LENGTH = SLUG_MAX_LENGTH - 10;

/**
 * An ASCII slug made from a title: accents folded, other scripts transliterated (Алматы gives
 * almaty), cut at a word boundary. A title with nothing to keep gives "article".
 */
export function slugFromTitle(title: string): string {
  let slug = slugify(title, { decamelize: false });
  if (slug.length > BASE_MAX_LENGTH) {
    const cut = slug.slice(0, BASE_MAX_LENGTH + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, BASE_MAX_LENGTH);
  }
  return slug || 'article';
}

/** The first of base, base-2, base-3, ... that is not among the taken slugs. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
