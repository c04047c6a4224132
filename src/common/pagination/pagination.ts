import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from '../errors/domain.exception.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_CURSOR_LENGTH = 2048;

/** `limit` and `cursor`, the query parameters every list takes. Extend it with the list's filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  /**
   * Room for the longest cursor a list gives out: a 200-character name of up to 4 bytes each
   * plus an id, as base64 of JSON (about 1,150 characters).
   */
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type SortDirection = 'ASC' | 'DESC';

/**
 * A keyset ordering: SQL expressions that together are unique (end with the id) and never NULL,
 * all sorted in one direction. A cursor holds the last row's values of these expressions.
 */
export interface KeysetOrder {
  columns: string[];
  direction: SortDirection;
}

export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): Array<string | number> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through: any undecodable cursor is the same bad input
  }
  throw new InvalidInputError('cursor is not a cursor this list gave out', ['cursor']);
}

/**
 * Orders the query by the keyset, starts after the cursor, and fetches one row more than the
 * page so the caller knows whether another page follows. A deep page costs what the first does.
 */
export function applyKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  page: { limit: number; cursor?: string },
): SelectQueryBuilder<T> {
  order.columns.forEach((column, index) => {
    if (index === 0) query.orderBy(column, order.direction);
    else query.addOrderBy(column, order.direction);
  });
  if (page.cursor) {
    const values = decodeCursor(page.cursor, order.columns.length);
    const params = Object.fromEntries(values.map((value, index) => [`keyset${index}`, value]));
    const placeholders = values.map((_, index) => `:keyset${index}`).join(', ');
    const comparison = order.direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${order.columns.join(', ')}) ${comparison} (${placeholders})`, params);
  }
  return query.limit(page.limit + 1);
}

/** Cuts the extra row fetched by applyKeyset and makes the next cursor from the last row kept. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorValues: (row: Row) => ReadonlyArray<string | number>,
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(map),
    nextCursor: hasMore ? encodeCursor(cursorValues(kept[kept.length - 1])) : null,
  };
}
