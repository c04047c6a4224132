import fc from 'fast-check';

/** Characters that break parsers, LIKE patterns, SQL and encodings, mixed with ordinary ones. */
const nastyCharacter = fc.constantFrom(
  'a',
  'Z',
  '7',
  ' ',
  'é',
  'Ж',
  'ә',
  '\u0000',
  '\u0008',
  '\ud800',
  '\u202e',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '<',
  '&',
  '-',
  '/',
  '\n',
);

/** Strings that have broken parsers, validators and SQL before. */
const nastyStrings = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: nastyCharacter, maxLength: 30 }) },
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '9999999999999999999999',
    "'; DROP TABLE users; --",
    '%_\\',
    '<script>alert(1)</script>',
    '\u0000',
    '\uffff\ud800',
    'Ақтөбе Қазақстан',
    'Université de Mons',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '2026-01-14T25:61:00Z',
    '1970-01-01T00:00:00Z',
    '9999-12-31',
    '2025/2027',
    '2025/2026',
    'A0',
    'C2',
    'spring',
    'published',
    'approve',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.integer({ min: 1, max: 200_000 }).map((length) => 'x'.repeat(length)),
);

const nastyNumbers = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, -1e308, 20.0001, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const leaf = fc.oneof(nastyStrings, nastyNumbers, fc.boolean(), fc.constant(null));

/** Any JSON value, with bias towards the odd; nesting can go deep. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('array'),
    tie('object'),
    tie('deep'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'prototype')),
    tie('value'),
    { maxKeys: 4 },
  ),
  deep: fc.integer({ min: 50, max: 400 }).map((depth) => {
    let nested: unknown = 'bottom';
    for (let level = 0; level < depth; level++) nested = level % 2 ? [nested] : { nested };
    return nested;
  }),
})).value;

/** A body: an object whose keys are mostly the route's own field names, so validation is reached. */
export function nastyBody(fieldNames: string[]): fc.Arbitrary<unknown> {
  const key = fieldNames.length
    ? fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...fieldNames) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('__proto__', 'constructor', 'role', 'id', 'status', 'placesTaken'),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      )
    : fc.oneof(fc.constantFrom('__proto__', 'constructor', 'role'), fc.string({ maxLength: 8 }));
  return fc.oneof(
    { weight: 8, arbitrary: fc.dictionary(key, nastyValue, { maxKeys: Math.max(3, fieldNames.length + 2) }) },
    { weight: 1, arbitrary: nastyValue },
  );
}

/** A query string: the route's own parameters plus strangers, each with an odd value. */
export function nastyQuery(parameterNames: string[]): fc.Arbitrary<Record<string, string>> {
  const key = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...parameterNames.concat('limit', 'cursor')) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'status[]', 'q[$ne]') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const value = fc.oneof(
    nastyStrings.map((text) => text.slice(0, 3000)),
    nastyNumbers.map(String),
    fc.constantFrom('true', 'false', '[]', '{}', '0', '101', '-5', 'eyJhIjoxfQ', 'WyIyMDI2IiwiYSJd'),
  );
  return fc.dictionary(key, value, { maxKeys: 5 });
}
