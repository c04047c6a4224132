import {
  applyChanges,
  LA_MAX_COMPONENTS,
  assertCanComment,
  assertCanSign,
  canonicalJson,
  contentHash,
  missingForSignature,
  nextSigners,
  totalsOf,
  versionStatus,
  type LaContent,
} from './learning-agreement-state.js';

const content = (): LaContent => ({
  tableA: [
    { title: 'Russian', code: 'RU1', term: 'autumn', ects: 12, recognitionConditions: null },
    { title: 'Thesis', code: 'TH', term: 'full-year', ects: 20, recognitionConditions: null },
  ],
  tableB: [{ title: 'Langue russe', code: 'B1', ects: 30 }],
  tableC: [],
  shortCreditsReason: null,
  languageCompetence: { language: 'ru', cefrLevel: 'B2' },
  eqfLevel: 6,
  subjectArea: '0231',
  sendingResponsible: { givenNames: 'M', familyName: 'D', position: 'C', email: 'm@umons.ac.be' },
  receivingResponsible: { givenNames: 'А', familyName: 'С', position: 'К', email: 'a@kaznu.kz' },
  changes: [],
});

const code = (error: unknown) => (error as { code: string }).code;
const thrown = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return code(error);
  }
  return undefined;
};

describe('learning agreement rules', () => {
  it('hashes the canonical JSON: key order does not matter, any value does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const reordered = Object.fromEntries(Object.entries(content()).reverse()) as unknown as LaContent;
    expect(contentHash(reordered)).toBe(contentHash(content()));
    const changed = content();
    changed.tableA[0].ects = 12.5;
    expect(contentHash(changed)).not.toBe(contentHash(content()));
    expect(contentHash(content())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('totals each table and each semester, a full-year component counting half in each', () => {
    expect(totalsOf(content(), 'full-year')).toEqual({
      tableA: 32,
      tableB: 30,
      tableC: 0,
      semesters: [
        { term: 'autumn', ects: 22 },
        { term: 'spring', ects: 10 },
      ],
    });
    expect(missingForSignature(content(), 'full-year')).toEqual(['shortCreditsReason']);
    expect(missingForSignature({ ...content(), shortCreditsReason: 'Thesis' }, 'full-year')).toEqual([]);
    expect(missingForSignature({ ...content(), tableB: [], sendingResponsible: null }, 'autumn')).toEqual([
      'tableB',
      'sendingResponsible',
    ]);
  });

  it('derives a version status from its signatures and comment', () => {
    expect(versionStatus({ parties: [], commented: false, isLatest: true })).toBe('draft');
    expect(versionStatus({ parties: ['sending', 'student'], commented: false, isLatest: true })).toBe(
      'proposal',
    );
    expect(versionStatus({ parties: ['student'], commented: false, isLatest: false })).toBe('superseded');
    expect(versionStatus({ parties: ['student', 'sending'], commented: true, isLatest: false })).toBe(
      'rejected',
    );
    expect(
      versionStatus({ parties: ['student', 'sending', 'receiving'], commented: false, isLatest: false }),
    ).toBe('approved');
    expect(nextSigners('draft', ['sending'])).toEqual(['student']);
    expect(nextSigners('proposal', ['student', 'sending'])).toEqual(['receiving']);
  });

  it('lets each side sign once, at its step, with the latest hash', () => {
    const draft = { hash: 'h1', status: 'draft' as const, parties: [] };
    expect(thrown(() => assertCanSign(draft, 'student', 'h0'))).toBe('LA_STALE');
    expect(thrown(() => assertCanSign(draft, 'receiving', 'h1'))).toBe('LA_NOT_SIGNABLE');
    expect(thrown(() => assertCanSign(draft, 'sending', 'h1'))).toBeUndefined();
    const signed = { ...draft, parties: ['student' as const] };
    expect(thrown(() => assertCanSign(signed, 'student', 'h1'))).toBe('LA_ALREADY_SIGNED');
    expect(thrown(() => assertCanComment(draft, 'h1'))).toBe('LA_NOT_SIGNABLE');
    expect(thrown(() => assertCanComment({ hash: 'h1', status: 'proposal' }, 'h2'))).toBe('LA_STALE');
  });

  it('refuses changes that would leave a table with more components than allowed, naming the table', () => {
    const full = content();
    full.tableB = Array.from({ length: LA_MAX_COMPONENTS }, (_, i) => ({
      title: `B${i}`,
      code: `B${i}`,
      ects: 1,
    }));
    const insert = {
      table: 'B' as const,
      action: 'insert' as const,
      title: 'One more',
      ects: 1,
      reasonCode: 'extending-mobility' as const,
    };
    expect(() => applyChanges(full, [{ ...insert, code: 'MORE' }], undefined)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('table B') }),
    );
    // A deletion in the same change makes room.
    const swapped = applyChanges(
      full,
      [
        { table: 'B', action: 'delete', code: 'B0', reasonCode: 'not-available' },
        { ...insert, code: 'MORE' },
      ],
      undefined,
    );
    expect(swapped.tableB).toHaveLength(LA_MAX_COMPONENTS);
  });

  it('applies changes to the approved content and keeps the net changes since the first version', () => {
    const inserted = applyChanges(
      content(),
      [
        {
          table: 'A',
          action: 'insert',
          code: 'KZ',
          title: 'Kazakh',
          term: 'spring',
          ects: 5,
          reasonCode: 'extending-mobility',
        },
      ],
      undefined,
    );
    expect(inserted.tableA.map((c) => c.code)).toEqual(['RU1', 'TH', 'KZ']);
    expect(inserted.changes).toEqual([expect.objectContaining({ action: 'inserted', code: 'KZ' })]);
    const undone = applyChanges(
      inserted,
      [
        { table: 'A', action: 'delete', code: 'KZ', reasonCode: 'not-available' },
        { table: 'B', action: 'delete', code: 'B1', reasonCode: 'not-available', reasonText: 'Closed' },
      ],
      'Reason',
    );
    expect(undone.changes).toEqual([
      {
        table: 'B',
        action: 'deleted',
        code: 'B1',
        title: 'Langue russe',
        reasonCode: 'not-available',
        reasonText: 'Closed',
      },
    ]);
    expect(undone.shortCreditsReason).toBe('Reason');
    expect(
      thrown(() =>
        applyChanges(
          content(),
          [{ table: 'A', action: 'delete', code: 'X', reasonCode: 'not-available' }],
          undefined,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      thrown(() =>
        applyChanges(
          content(),
          [
            {
              table: 'C',
              action: 'insert',
              code: 'V',
              title: 'V',
              ects: 2,
              reasonCode: 'adding-virtual-component',
            },
          ],
          undefined,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});
