import { parse, CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The CSV format of incoming mobilities, the same for export and import (an export imports
 * back): UTF-8 without BOM (a BOM is accepted on import), a header row, RFC 4180 quoting, dates
 * as YYYY-MM-DD, the partner by its SCHAC code and the host faculty by its code.
 */
export const CSV_COLUMNS = [
  'firstName',
  'lastName',
  'email',
  'homeInstitutionSchacCode',
  'hostFacultyCode',
  'agreementId',
  'academicYear',
  'term',
  'status',
  'plannedArrival',
  'plannedDeparture',
  'actualArrival',
  'actualDeparture',
  'notes',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns an imported file may leave out (empty values mean the same). */
const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set([
  'agreementId',
  'status',
  'actualArrival',
  'actualDeparture',
  'notes',
]);

export type CsvRecord = Record<CsvColumn, string | null>;

/**
 * CSV text for some records, with the header row when `withHeader`: every field with a comma, a
 * quote or a line break is quoted (csv-stringify quotes a bare CR or LF only when asked to, and
 * records end with CRLF, so it is asked).
 */
export function toCsvText(records: CsvRecord[], withHeader: boolean): string {
  return stringify(records, {
    header: withHeader,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    bom: false,
  });
}

/** A problem with a line of an imported file (`field` null when it concerns the whole line). */
export interface ImportProblem {
  line: number;
  field: string | null;
  message: string;
}

export interface ParsedRow {
  /** The line of the file where the row starts (the header is line 1). */
  line: number;
  values: Partial<Record<CsvColumn, string>>;
}

export class CsvImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file has ${problems.length} problem(s)`);
  }
}

const LF = 0x0a;
const CR = 0x0d;

/** Physical line numbers: counts line breaks (LF, CRLF or a lone CR) before each offset. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly buffer: Buffer) {}

  /** The line at `target`, moving forward only. */
  lineAt(target: number): number {
    for (; this.offset < target; this.offset++) {
      const byte = this.buffer[this.offset];
      if (byte === LF || (byte === CR && this.buffer[this.offset + 1] !== LF)) this.line++;
    }
    return this.line;
  }

  /** The first offset at or after `from` that is not a line break (skipped empty lines). */
  skipBreaks(from: number): number {
    let offset = from;
    while (offset < this.buffer.length && (this.buffer[offset] === LF || this.buffer[offset] === CR))
      offset++;
    return offset;
  }
}

/**
 * Reads an imported file into rows keyed by the header's column names. Problems with the file
 * as a whole (not UTF-8, not CSV, a bad header) and rows with the wrong number of fields reject
 * it; the values themselves are checked by the caller.
 */
export function parseIncomingCsv(buffer: Buffer): ParsedRow[] {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new CsvImportRejected([{ line: 1, field: null, message: 'The file must be UTF-8 text' }]);
  }
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(buffer, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw new CsvImportRejected([{ line, field: null, message: `Not valid CSV: ${error.message}` }]);
    }
    throw error;
  }
  if (records.length === 0) {
    throw new CsvImportRejected([
      { line: 1, field: null, message: 'The file is empty: a header row is expected' },
    ]);
  }

  const lines = new LineCounter(buffer);
  const [{ record: rawHeader, info: headerInfo }] = records;
  const header = rawHeader.map((name) => name.trim());
  checkHeader(header, lines.lineAt(lines.skipBreaks(0)));

  const problems: ImportProblem[] = [];
  const rows: ParsedRow[] = [];
  let end = headerInfo.bytes;
  for (const { record, info } of records.slice(1)) {
    const line = lines.lineAt(lines.skipBreaks(end));
    end = info.bytes;
    if (record.length !== header.length) {
      problems.push({
        line,
        field: null,
        message: `The line has ${record.length} field(s) where the header has ${header.length}`,
      });
      continue;
    }
    const values: Partial<Record<CsvColumn, string>> = {};
    header.forEach((column, index) => {
      values[column as CsvColumn] = record[index];
    });
    rows.push({ line, values });
  }
  if (problems.length > 0) throw new CsvImportRejected(problems);
  return rows;
}

function checkHeader(header: string[], line: number): void {
  const known = new Set<string>(CSV_COLUMNS);
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.has(name)) {
      problems.push({
        line,
        field: name,
        message: `Unknown column "${name}" (expected: ${CSV_COLUMNS.join(', ')})`,
      });
    } else if (seen.has(name)) {
      problems.push({ line, field: name, message: `Column "${name}" appears twice` });
    }
    seen.add(name);
  }
  for (const column of CSV_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(column) && !seen.has(column)) {
      problems.push({ line, field: column, message: `Column "${column}" is missing from the header` });
    }
  }
  if (problems.length > 0) throw new CsvImportRejected(problems);
}
