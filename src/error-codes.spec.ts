import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_ERROR_CODES, ERROR_CODE_TABLES, renderErrorCodes, withErrorCodes } from './error-codes.js';

describe('the error-code catalogue', () => {
  it('gives every code one table only, so no two features share a code', () => {
    const codes = ERROR_CODE_TABLES.flatMap(({ table }) => Object.keys(table));
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
    expect(Object.keys(ALL_ERROR_CODES).sort()).toEqual([...codes].sort());
  });

  it('lists every status as an HTTP error and every meaning as a sentence', () => {
    for (const [code, info] of Object.entries(ALL_ERROR_CODES)) {
      expect([code, info.status >= 400 && info.status < 600]).toEqual([code, true]);
      expect([code, info.meaning.trim().length > 10]).toEqual([code, true]);
    }
  });

  it('imports every feature’s <feature>-error-codes.ts file', () => {
    const files = (readdirSync('src', { recursive: true }) as string[])
      .filter((file) => file.endsWith('-error-codes.ts'))
      .map((file) => `./${relative('src', join('src', file)).replace(/\\/g, '/').replace(/\.ts$/, '.js')}`);
    expect(files.length).toBeGreaterThan(5);
    const catalogue = readFileSync('src/error-codes.ts', 'utf8');
    expect(files.filter((file) => !catalogue.includes(`'${file}'`))).toEqual([]);
  });

  it('is what the README lists (run npm run docs:error-codes after changing a code)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withErrorCodes(readme)).toBe(readme);
    for (const code of Object.keys(ALL_ERROR_CODES)) expect(readme).toContain(`| \`${code}\` |`);
  });

  it('renders one row per code with its status', () => {
    const rows = renderErrorCodes().split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(ALL_ERROR_CODES).length);
    expect(rows).toContain(
      '| `PROGRAMME_FULL` | 409 | applications | no place is left on the programme (or on any choice) to approve the application |',
    );
  });
});
