import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { csvRecords, CsvSyntaxError, type CsvRecordAt } from './csv-records.js';

const read = (text: string, max = 1000): CsvRecordAt[] => [...csvRecords(text, max)];
const failure = (text: string, max = 1000): CsvSyntaxError => {
  try {
    read(text, max);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
};

describe('csvRecords', () => {
  it('reads fields and records with every kind of line break, and where each record starts', () => {
    expect(read('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
      { line: 4, fields: ['g', 'h'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting the lines they span', () => {
    expect(read('"a,1","say ""hi""","two\nlines"\r\n"x\r\ny",""\n')).toEqual([
      { line: 1, fields: ['a,1', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['x\r\ny', ''] },
    ]);
  });

  it('ignores a BOM and empty lines, keeps empty fields', () => {
    expect(read('\uFEFFa,b\n\n\r\n,\n\nc,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['', ''] },
      { line: 6, fields: ['c', ''] },
    ]);
  });

  it('hands out records one at a time: nothing after the records taken is read', () => {
    const records = csvRecords('a\nb\n"never closed', 1000);
    expect(records.next().value).toEqual({ line: 1, fields: ['a'] });
    expect(records.next().value).toEqual({ line: 2, fields: ['b'] });
    expect(() => records.next()).toThrow(CsvSyntaxError);
  });

  it('refuses broken quoting, naming the line', () => {
    expect(failure('a\n"open,b\nc\n')).toMatchObject({ line: 2, message: 'A quoted field is not closed' });
    expect(failure('a\n"x"y,b\n')).toMatchObject({
      line: 2,
      message: 'A closing quote must be followed by a comma or a line break',
    });
    expect(failure('a\nb\nx"y\n')).toMatchObject({ line: 3 });
  });

  it('refuses a record longer than the limit, quoted or not', () => {
    expect(failure(`a\n${'x'.repeat(50)}\n`, 20)).toMatchObject({ line: 2 });
    expect(failure(`a\n"${'x'.repeat(50)}"\n`, 20)).toMatchObject({ line: 2 });
    expect(read(`${'x'.repeat(20)}\n`, 20)).toHaveLength(1);
  });

  it('reads back whatever csv-stringify writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Ә', ',', '"', '\n', '\r', ' ', "'", '=') });
    const records = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { maxLength: 8 });
    fc.assert(
      fc.property(records, fc.boolean(), (rows, windows) => {
        const text = stringify(rows, {
          record_delimiter: windows ? 'windows' : 'unix',
          quoted_match: /[\r\n]/,
        });
        expect(read(text, 10_000).map((record) => record.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
