import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './csv-cells.js';
import { csvRecords, CsvSyntaxError } from './csv-records.js';

/**
 * The CSV format of incoming mobilities, the same for export and import (an export imports
 * back): UTF-8 without BOM (a BOM is accepted on import), a header row, RFC 4180 quoting, dates
 * as YYYY-MM-DD, the partner by its SCHAC code and the host faculty by its code, and cells that
 * a spreadsheet would run as formulas prefixed with a single quote (see csv-cells.ts).
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

/** The most data rows (besides the header) one imported file may hold: 413 above. */
export const MAX_IMPORT_ROWS = 5000;
/** The longest record (characters), far above a real line: a runaway quote fails early. */
const MAX_RECORD_CHARS = 64 * 1024;

export type CsvRecord = Record<CsvColumn, string | null>;

/**
 * CSV text for some records, with the header row when `withHeader`: every field with a comma, a
 * quote or a line break is quoted (csv-stringify quotes a bare CR or LF only when asked to, and
 * records end with CRLF, so it is asked); formula-like cells are neutralised.
 */
export function toCsvText(records: CsvRecord[], withHeader: boolean): string {
  const safe = records.map(
    (record) =>
      Object.fromEntries(
        CSV_COLUMNS.map((column) => {
          const value = record[column];
          return [column, value === null ? null : neutraliseFormula(value)];
        }),
      ) as CsvRecord,
  );
  return stringify(safe, {
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
  /** The cells as written in the file (neither trimmed nor restored). */
  values: Partial<Record<CsvColumn, string>>;
}

/** Some consecutive rows of a file, and the problems of the rows that could not be read. */
export interface CsvBatch {
  rows: ParsedRow[];
  problems: ImportProblem[];
}

/** The file cannot be imported as a whole (not UTF-8, not CSV, a bad header). */
export class CsvImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file has ${problems.length} problem(s)`);
  }
}

/** The file has more than MAX_IMPORT_ROWS rows; reading stopped at the first one too many. */
export class CsvTooManyRows extends Error {
  constructor(readonly line: number) {
    super(
      `The file has more than ${MAX_IMPORT_ROWS} rows (line ${line} is row ${MAX_IMPORT_ROWS + 1}): ` +
        `import at most ${MAX_IMPORT_ROWS} rows at a time, splitting the file`,
    );
  }
}

/** Bytes decoded at a time: a few milliseconds of work even for Cyrillic text. */
const DECODE_CHUNK_BYTES = 256 * 1024;

/**
 * The file's text, decoded from UTF-8 a chunk at a time with `between()` awaited between two
 * chunks (other requests get a turn); a file that is not UTF-8 is rejected.
 */
export async function decodeCsvFile(buffer: Buffer, between: () => Promise<void>): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  /** The decoder throws only on bytes that are not UTF-8. */
  const decode = (bytes?: Buffer) => {
    try {
      parts.push(bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode());
    } catch {
      throw new CsvImportRejected([{ line: 1, field: null, message: 'The file must be UTF-8 text' }]);
    }
  };
  for (let start = 0; start < buffer.length; start += DECODE_CHUNK_BYTES) {
    decode(buffer.subarray(start, start + DECODE_CHUNK_BYTES));
    await between();
  }
  decode();
  return parts.join('');
}

/**
 * Reads an imported file (decoded by decodeCsvFile), `batchSize` rows at a time, into rows keyed
 * by the header's column names. Records are read only as the caller asks for the next batch, so the caller decides how
 * much work is done between two turns of the event loop, and nothing past the first row too many
 * is read. Problems with the file as a whole (not CSV, a bad header, an empty file)
 * throw CsvImportRejected, a row past MAX_IMPORT_ROWS throws CsvTooManyRows; rows with the wrong
 * number of fields come back as problems of their batch.
 */
export function* readIncomingCsv(text: string, batchSize: number): Generator<CsvBatch> {
  let header: string[] | undefined;
  let rowCount = 0;
  let batch: CsvBatch = { rows: [], problems: [] };
  try {
    for (const { line, fields } of csvRecords(text, MAX_RECORD_CHARS)) {
      if (header === undefined) {
        header = fields.map((name) => name.trim());
        checkHeader(header, line);
        continue;
      }
      rowCount++;
      if (rowCount > MAX_IMPORT_ROWS) throw new CsvTooManyRows(line);
      if (fields.length !== header.length) {
        batch.problems.push({
          line,
          field: null,
          message: `The line has ${fields.length} field(s) where the header has ${header.length}`,
        });
      } else {
        const values: Partial<Record<CsvColumn, string>> = {};
        header.forEach((column, index) => {
          values[column as CsvColumn] = fields[index];
        });
        batch.rows.push({ line, values });
      }
      if (batch.rows.length + batch.problems.length >= batchSize) {
        yield batch;
        batch = { rows: [], problems: [] };
      }
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new CsvImportRejected([
        { line: error.line, field: null, message: `Not valid CSV: ${error.message}` },
      ]);
    }
    throw error;
  }
  if (header === undefined) {
    throw new CsvImportRejected([
      { line: 1, field: null, message: 'The file is empty: a header row is expected' },
    ]);
  }
  if (batch.rows.length + batch.problems.length > 0) yield batch;
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
