import { DomainException } from '../../common/errors/domain.exception.js';
import { IncomingErrorCode } from '../incoming-error-codes.js';

/** One bad line of an imported file: its number and, per column (null: the whole line), what is wrong. */
export interface BadLine {
  line: number;
  columns: Array<{ field: string | null; problems: string[] }>;
}

export interface ImportRefusal {
  lines: BadLine[];
  /** Problems the service counted but did not list. */
  unlisted: number;
}

interface ListedProblem {
  line?: unknown;
  field?: unknown;
  message?: unknown;
  problems?: unknown;
}

/**
 * The bad lines of a refused import, grouped by line in file order, from the service's 400
 * (`INCOMING_IMPORT_INVALID`); undefined for any other error.
 */
export function badLinesOf(error: unknown): ImportRefusal | undefined {
  if (!(error instanceof DomainException) || error.code !== IncomingErrorCode.IMPORT_INVALID)
    return undefined;
  const details = error.details ?? {};
  const listed = (
    Array.isArray(details.fields) ? details.fields : Array.isArray(details.problems) ? details.problems : []
  ) as ListedProblem[];
  const byLine = new Map<number, BadLine>();
  let count = 0;
  for (const item of listed) {
    const line = typeof item.line === 'number' ? item.line : 0;
    const field = typeof item.field === 'string' ? item.field : null;
    const messages = Array.isArray(item.problems)
      ? item.problems.filter((message): message is string => typeof message === 'string')
      : typeof item.message === 'string'
        ? [item.message]
        : [];
    count += 1;
    const entry = byLine.get(line) ?? { line, columns: [] };
    byLine.set(line, entry);
    const column = entry.columns.find((existing) => existing.field === field);
    if (column) column.problems.push(...messages);
    else entry.columns.push({ field, problems: messages });
  }
  const total = typeof details.problemCount === 'number' ? details.problemCount : count;
  return {
    lines: [...byLine.values()].sort((a, b) => a.line - b.line),
    unlisted: Math.max(0, total - count),
  };
}
