/**
 * An RFC 4180 reader that hands out one record at a time, so its caller decides how much work
 * is done before other requests get a turn (csv-parse's stream parses a whole chunk at once and
 * costs far more per record). Fields are separated by commas, records by CRLF, LF or a lone CR;
 * a field in double quotes may hold commas, line breaks and doubled quotes (`""`). A BOM at the
 * start is ignored, and so are empty lines.
 */
export interface CsvRecordAt {
  /** The line of the text where the record starts (the first line is 1). */
  line: number;
  fields: string[];
}

/** The text is not valid CSV; `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The records of `text`, lazily; throws CsvSyntaxError on broken quoting or an overlong record. */
export function* csvRecords(text: string, maxRecordChars: number): Generator<CsvRecordAt> {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const length = text.length;
  /** Moves past a line break at `at`, if any; true when there was one. */
  const skipBreak = (): boolean => {
    const code = text.charCodeAt(at);
    if (code === CR) {
      at += text.charCodeAt(at + 1) === LF ? 2 : 1;
    } else if (code === LF) {
      at += 1;
    } else {
      return false;
    }
    line++;
    return true;
  };

  while (at < length) {
    if (skipBreak()) continue; // an empty line
    const start = at;
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      if (at - start > maxRecordChars) {
        throw new CsvSyntaxError(startLine, `The record is longer than ${maxRecordChars} characters`);
      }
      if (text.charCodeAt(at) === QUOTE) {
        // A quoted field: runs to the quote that is not doubled.
        const quoteLine = line;
        let value = '';
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1 || close - start > maxRecordChars) {
            if (close === -1) throw new CsvSyntaxError(quoteLine, 'A quoted field is not closed');
            throw new CsvSyntaxError(startLine, `The record is longer than ${maxRecordChars} characters`);
          }
          value += text.slice(from, close);
          line += countBreaks(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        fields.push(value);
        const next = text.charCodeAt(at);
        if (at < length && next !== COMMA && next !== CR && next !== LF) {
          throw new CsvSyntaxError(line, 'A closing quote must be followed by a comma or a line break');
        }
      } else {
        // A plain field: runs to the next comma or line break, and holds no quote.
        let end = at;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === CR || code === LF) break;
          if (code === QUOTE) {
            throw new CsvSyntaxError(line, 'A quote inside a field that does not start with one');
          }
          end++;
          if (end - start > maxRecordChars) {
            throw new CsvSyntaxError(startLine, `The record is longer than ${maxRecordChars} characters`);
          }
        }
        fields.push(text.slice(at, end));
        at = end;
      }
      if (text.charCodeAt(at) === COMMA) {
        at++;
        continue;
      }
      skipBreak();
      break;
    }
    yield { line: startLine, fields };
  }
}

/** Line breaks (CRLF, LF or a lone CR) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) breaks++;
  }
  return breaks;
}
