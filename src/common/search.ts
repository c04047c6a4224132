import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The one `q` of every list: part of a text, accents and case ignored ("universite" finds
 * "Université", "ALIYA" finds "Aliya"). News is the exception: its `q` is full-text search.
 */

/** Escapes LIKE's wildcards and its escape character, so a search text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * SQL: `expression` contains the search text bound as `:q`, accents and case ignored. The left side
 * is the shape of the portal's trigram indexes (`portal_unaccent(lower(...)) gin_trgm_ops`), so a
 * search of an indexed expression can use its index. Bind `:q` with searchParameters.
 */
export function containsSearchText(expression: string): string {
  return `portal_unaccent(lower(${expression})) LIKE '%' || portal_unaccent(lower(:q)) || '%'`;
}

/** The `:q` of containsSearchText: the text trimmed, LIKE's wildcards taken literally. */
export function searchParameters(q: string): { q: string } {
  return { q: escapeLike(q.trim()) };
}

/**
 * Keeps the rows where any of `expressions` (SQL over the query's aliases) contains `q`, accents and
 * case ignored; a missing or blank `q` keeps every row.
 */
export function whereContainsText<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  expressions: readonly string[],
  q: string | undefined,
): SelectQueryBuilder<T> {
  if (!q?.trim()) return query;
  return query.andWhere(`(${expressions.map(containsSearchText).join(' OR ')})`, searchParameters(q));
}
