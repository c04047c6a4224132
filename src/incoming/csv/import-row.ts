import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/errors/validation.js';
import { plannedDateProblems } from '../incoming-dates.js';
import type { FieldProblem } from '../incoming-references.js';
import { actualDateProblems } from '../incoming-state.js';
import { restoreFormula } from './csv-cells.js';
import { ImportRowDto } from './dto/import-row.dto.js';
import type { CsvColumn } from './incoming-csv.js';

export interface RowCheck {
  /** The line's values as validated (email normalised, names trimmed). */
  row: ImportRowDto;
  /** Empty when the line makes a valid nomination, as far as it can be told without a database. */
  problems: FieldProblem[];
}

/**
 * The rules a line must follow that need no database, the same as a nomination's: the cells are
 * taken back to their original text (an exported formula-like cell loses its quote), trimmed
 * (except notes, kept as written) with empty meaning absent, validated by ImportRowDto (the
 * CreateIncomingDto's validation), and then the planned dates' order and the actual dates the
 * status needs are checked.
 */
export function checkImportRow(values: Partial<Record<CsvColumn, string>>): RowCheck {
  const plain = Object.fromEntries(
    Object.entries(values).map(([column, cell]) => {
      const original = restoreFormula(cell ?? '');
      const text = column === 'notes' ? original : original.trim();
      return [column, text === '' ? undefined : text];
    }),
  );
  const row = plainToInstance(ImportRowDto, plain);
  const errors = validateSync(row, { whitelist: true, forbidUnknownValues: true });
  const problems: FieldProblem[] = flattenValidationErrors(errors).flatMap(({ field, problems: messages }) =>
    messages.map((message) => ({ field, message })),
  );
  const invalid = new Set(problems.map((problem) => problem.field));
  if (!invalid.has('plannedArrival') && !invalid.has('plannedDeparture')) {
    problems.push(...plannedDateProblems(row));
  }
  if (!['status', 'actualArrival', 'actualDeparture'].some((field) => invalid.has(field))) {
    problems.push(
      ...actualDateProblems({
        status: row.status ?? 'nominated',
        actualArrival: row.actualArrival ?? null,
        actualDeparture: row.actualDeparture ?? null,
      }),
    );
  }
  return { row, problems };
}
