import { thrown } from '../../test/support/thrown.js';
import { DomainException } from '../common/errors/domain.exception.js';
import {
  APPLICATION_STATUSES,
  assertTransition,
  canTransition,
  checkAnswerToPlace,
  checkChoices,
  confirmationDeadlineOf,
  checkEligibility,
  checkMotivation,
  checkWindows,
  holdsPlace,
  type ApplicationStatus,
  type ProgrammeFacts,
} from './application-state.js';

const NOW = new Date('2026-01-15T12:00:00.000Z');

function programme(overrides: Partial<ProgrammeFacts> = {}): ProgrammeFacts {
  return {
    id: overrides.id ?? `p-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Semester at Al-Farabi',
    status: 'published',
    academicYear: '2025/2026',
    term: 'spring',
    applicationOpensAt: new Date('2026-01-01T00:00:00.000Z'),
    applicationClosesAt: new Date('2026-02-01T00:00:00.000Z'),
    eligibleFacultyIds: [],
    languageOfInstruction: null,
    minLanguageLevel: null,
    ...overrides,
  };
}

/** The field names an error's `fields` detail lists. */
const fieldsOf = (error: DomainException) =>
  (error.details?.fields as Array<{ field: string }> | undefined)?.map(({ field }) => field);

describe('application state machine', () => {
  const allowed: Array<[ApplicationStatus, ApplicationStatus]> = [
    ['draft', 'submitted'],
    ['draft', 'withdrawn'],
    ['submitted', 'approved'],
    ['submitted', 'waitlisted'],
    ['submitted', 'rejected'],
    ['submitted', 'withdrawn'],
    ['waitlisted', 'approved'],
    ['waitlisted', 'rejected'],
    ['waitlisted', 'withdrawn'],
    ['approved', 'withdrawn'],
    ['approved', 'confirmed'],
    ['approved', 'declined'],
  ];

  it('allows exactly the transitions of the product design, and nothing else', () => {
    const key = ([from, to]: [string, string]) => `${from}->${to}`;
    const expected = new Set(allowed.map(key));
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES) {
        expect([key([from, to]), canTransition(from, to)]).toEqual([
          key([from, to]),
          expected.has(key([from, to])),
        ]);
      }
    }
  });

  it.each([
    ['draft', 'approved'],
    ['submitted', 'submitted'],
    ['rejected', 'withdrawn'],
    ['withdrawn', 'submitted'],
    ['approved', 'rejected'],
    ['waitlisted', 'waitlisted'],
  ] as Array<[ApplicationStatus, ApplicationStatus]>)(
    'refuses %s -> %s with a 409 naming both ends',
    (from, to) => {
      const error = thrown(() => assertTransition(from, to));
      expect(error.status).toBe(409);
      expect(error.code).toBe('APPLICATION_INVALID_TRANSITION');
      expect(error.details).toEqual({ from, to });
      expect(error.message).toContain(`from ${from} to ${to}`);
    },
  );

  it('counts a place only for approved applications, and confirmed ones that keep it', () => {
    expect(APPLICATION_STATUSES.filter(holdsPlace)).toEqual(['approved', 'confirmed']);
  });

  it('takes an answer to the place only before its deadline, 7 days after the decision by default', () => {
    const decidedAt = new Date('2026-01-10T10:00:00Z');
    const approved = { status: 'approved' as const, confirmationDeadline: null, decidedAt };
    expect(confirmationDeadlineOf(approved)).toEqual(new Date('2026-01-17T10:00:00Z'));
    expect(() => checkAnswerToPlace(approved, 'confirmed', new Date('2026-01-17T09:59:59Z'))).not.toThrow();
    const late = thrown(() => checkAnswerToPlace(approved, 'declined', new Date('2026-01-17T10:00:00Z')));
    expect([late.status, late.code, late.details]).toEqual([
      409,
      'APPLICATION_CONFIRMATION_CLOSED',
      { deadline: '2026-01-17T10:00:00.000Z' },
    ]);
    const set = { ...approved, confirmationDeadline: new Date('2026-01-12T00:00:00Z') };
    expect(() => checkAnswerToPlace(set, 'confirmed', new Date('2026-01-13T00:00:00Z'))).toThrow(/before/);
    const waitlisted = { ...approved, status: 'waitlisted' as const };
    expect(thrown(() => checkAnswerToPlace(waitlisted, 'confirmed', decidedAt)).code).toBe(
      'APPLICATION_INVALID_TRANSITION',
    );
  });
});

describe('checkChoices', () => {
  const a = programme({ id: 'a', title: 'A' });
  const b = programme({ id: 'b', title: 'B' });
  const c = programme({ id: 'c', title: 'C' });
  const d = programme({ id: 'd', title: 'D' });

  it('answers the shared academic year and term of 1 to 3 published programmes', () => {
    expect(checkChoices(['c', 'a', 'b'], [a, b, c])).toEqual({ academicYear: '2025/2026', term: 'spring' });
    expect(checkChoices(['a'], [a])).toEqual({ academicYear: '2025/2026', term: 'spring' });
  });

  it.each([
    ['none', [] as string[], [a]],
    ['more than three', ['a', 'b', 'c', 'd'], [a, b, c, d]],
    ['a repeated one', ['a', 'b', 'a'], [a, b]],
    ['an unknown one', ['a', 'zzz'], [a]],
    ['an unpublished one', ['a', 'b'], [a, { ...b, status: 'draft' }]],
    ['one of another term', ['a', 'b'], [a, { ...b, term: 'autumn' as const }]],
    ['one of another academic year', ['a', 'b'], [a, { ...b, academicYear: '2026/2027' }]],
  ])('refuses %s with a 400 naming choices', (_case, ids, programmes) => {
    const error = thrown(() => checkChoices(ids, programmes));
    expect(error.status).toBe(400);
    expect(fieldsOf(error)).toEqual(['choices']);
  });
});

describe('checkMotivation', () => {
  it('needs 50 to 5000 characters, not counting surrounding blanks', () => {
    expect(() => checkMotivation('x'.repeat(50))).not.toThrow();
    expect(() => checkMotivation('x'.repeat(5000))).not.toThrow();
    for (const motivation of [null, '', 'x'.repeat(49), `  ${'x'.repeat(49)}   `, 'x'.repeat(5001)]) {
      const error = thrown(() => checkMotivation(motivation));
      expect(error.code).toBe('APPLICATION_INCOMPLETE');
      expect(fieldsOf(error)).toEqual(['motivation']);
      expect(error.message).toContain('motivation');
    }
  });
});

describe('checkWindows', () => {
  it('accepts a submission inside every window, the opening instant included', () => {
    expect(() => checkWindows([programme(), programme()], NOW)).not.toThrow();
    expect(() => checkWindows([programme({ applicationOpensAt: NOW })], NOW)).not.toThrow();
  });

  it.each([
    ['not yet open', { applicationOpensAt: new Date('2026-01-16T00:00:00.000Z') }],
    ['closed', { applicationClosesAt: new Date('2026-01-10T00:00:00.000Z') }],
    ['closing at this very instant', { applicationClosesAt: NOW }],
    ['archived', { status: 'archived' }],
  ])('refuses with APPLICATION_WINDOW_CLOSED when one choice is %s', (_case, overrides) => {
    const error = thrown(() => checkWindows([programme(), programme({ title: 'Late', ...overrides })], NOW));
    expect(error.status).toBe(409);
    expect(error.code).toBe('APPLICATION_WINDOW_CLOSED');
    expect(error.message).toContain('Late');
  });
});

describe('checkEligibility', () => {
  const student = {
    homeFacultyId: 'languages',
    languageSkills: [{ language: 'ru', cefrLevel: 'B1' as const }],
  };

  it('accepts a student of an eligible faculty with the required level', () => {
    const eligible = programme({
      eligibleFacultyIds: ['translation', 'languages'],
      languageOfInstruction: 'ru',
      minLanguageLevel: 'B1',
    });
    expect(() => checkEligibility(student, [eligible, programme()])).not.toThrow();
  });

  it('refuses a student of another faculty, or with no faculty, naming the faculty rule', () => {
    for (const who of [student, { ...student, homeFacultyId: null }]) {
      const error = thrown(() => checkEligibility(who, [programme({ eligibleFacultyIds: ['translation'] })]));
      expect(error.code).toBe('NOT_ELIGIBLE');
      expect(error.details).toMatchObject({ rule: 'faculty' });
      expect(error.message).toMatch(/^Faculty rule/);
    }
  });

  it('refuses a level too low, or a level in another language, naming the language rule', () => {
    for (const required of [
      programme({ languageOfInstruction: 'ru', minLanguageLevel: 'B2' }),
      programme({ languageOfInstruction: 'kk', minLanguageLevel: 'A1' }),
      programme({ languageOfInstruction: null, minLanguageLevel: 'C1' }),
    ]) {
      const error = thrown(() => checkEligibility(student, [programme(), required]));
      expect(error.code).toBe('NOT_ELIGIBLE');
      expect(error.details).toMatchObject({ rule: 'language' });
      expect(error.message).toMatch(/^Language rule/);
    }
  });

  it('with a minimum level but no language named, accepts any declared language at that level', () => {
    expect(() =>
      checkEligibility(student, [programme({ languageOfInstruction: null, minLanguageLevel: 'A2' })]),
    ).not.toThrow();
  });
});
