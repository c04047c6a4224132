/**
 * Spreadsheet formula neutralising (OWASP "CSV injection"). A cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is read by Excel, LibreOffice or Google Sheets as a formula; the
 * export prefixes such a cell with a single quote, which spreadsheets show as text, and the import
 * removes that quote again, so an export imports back unchanged.
 *
 * To keep the round trip exact for every text, a cell that already starts with quotes followed by
 * one of those characters (`'=1`) gets one more quote too: the import removes exactly one leading
 * quote whenever what follows it is such a cell.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** True when a spreadsheet would read the cell as a formula, once any leading quotes are removed. */
function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The cell as the export writes it: a leading single quote when it could run as a formula. */
export function neutraliseFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** The original text of an exported cell: the inverse of neutraliseFormula. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && startsLikeFormula(value.slice(1)) ? value.slice(1) : value;
}
