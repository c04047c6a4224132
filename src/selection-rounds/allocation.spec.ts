import fc from 'fast-check';
import { CEFR_LEVELS } from '../common/domain.js';
import {
  allocate,
  ineligibility,
  lotteryNumber,
  score,
  scoredLanguageLevel,
  type AllocationApplicant,
  type AllocationInput,
  type AllocationProgramme,
  type AllocationResult,
} from './allocation.js';

const FACULTIES = ['f1', 'f2'];
const LANGUAGES = ['en', 'fr'];
/** A choice that no programme of the round has (window still open, say). */
const ABSENT = 'p-absent';

const programmeArb = (id: string): fc.Arbitrary<AllocationProgramme> =>
  fc.record({
    id: fc.constant(id),
    capacity: fc.integer({ min: 0, max: 3 }),
    eligibleFacultyIds: fc.subarray(FACULTIES),
    languageOfInstruction: fc.constantFrom<string | null>('en', 'fr', null),
    minLanguageLevel: fc.constantFrom(null, null, 'B1' as const, 'B2' as const),
  });

function instanceArb(options: { maxProgrammes: number; maxApplicants: number; holders?: boolean }) {
  return fc
    .integer({ min: 1, max: options.maxProgrammes })
    .chain((count) => {
      const ids = Array.from({ length: count }, (_, index) => `p${index}`);
      const applicant = (index: number): fc.Arbitrary<AllocationApplicant> =>
        fc
          .record({
            choices: fc.shuffledSubarray([...ids, ABSENT], {
              minLength: 1,
              maxLength: Math.min(3, ids.length + 1),
            }),
            homeFacultyId: fc.constantFrom<string | null>('f1', 'f2', null),
            languageSkills: fc.uniqueArray(
              fc.record({
                language: fc.constantFrom(...LANGUAGES),
                cefrLevel: fc.constantFrom(...CEFR_LEVELS),
              }),
              { maxLength: 2, selector: (skill) => skill.language },
            ),
            gradeAverage: fc.option(
              fc.integer({ min: 0, max: 40 }).map((half) => half / 2),
              { freq: 8 },
            ),
            motivationRating: fc.integer({ min: 0, max: 5 }),
            holds: options.holders ? fc.boolean() : fc.constant(false),
          })
          .map(({ holds, ...rest }) => ({ id: `a${index}`, ...rest, holds }))
          .map(({ holds, ...rest }) => {
            const inRound = rest.choices.filter((id) => id !== ABSENT);
            return {
              ...rest,
              heldProgrammeId: holds && inRound.length > 0 ? inRound[inRound.length - 1] : null,
            };
          });
      return fc.record({
        seed: fc.string({ minLength: 8, maxLength: 16 }),
        weights: fc.record({
          grade: fc.integer({ min: 0, max: 10 }),
          language: fc.integer({ min: 0, max: 10 }),
          motivation: fc.integer({ min: 0, max: 10 }),
        }),
        programmes: fc.tuple(...ids.map(programmeArb)),
        applicants: fc
          .integer({ min: 0, max: options.maxApplicants })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, index) => applicant(index)))),
      });
    })
    .map((instance): AllocationInput => {
      // A held place is one the programme gave: count it in the capacity.
      const held = new Map<string, number>();
      for (const applicant of instance.applicants) {
        if (applicant.heldProgrammeId)
          held.set(applicant.heldProgrammeId, (held.get(applicant.heldProgrammeId) ?? 0) + 1);
      }
      return {
        ...instance,
        programmes: instance.programmes.map((programme) => ({
          ...programme,
          capacity: programme.capacity + (held.get(programme.id) ?? 0),
        })),
      };
    });
}

const small = instanceArb({ maxProgrammes: 4, maxApplicants: 10 });

/** Index of a choice in the applicant's list (lower is better); waitlisted is after every choice. */
function preference(applicant: AllocationApplicant, programmeId: string | null): number {
  return programmeId === null ? applicant.choices.length : applicant.choices.indexOf(programmeId);
}

function facts(input: AllocationInput, result: AllocationResult) {
  const applicants = new Map(input.applicants.map((applicant) => [applicant.id, applicant]));
  const programmes = new Map(input.programmes.map((programme) => [programme.id, programme]));
  const outcome = new Map(result.applications.map((entry) => [entry.applicationId, entry]));
  const occupants = new Map<string, string[]>();
  for (const entry of result.applications) {
    if (entry.programmeId)
      occupants.set(entry.programmeId, [...(occupants.get(entry.programmeId) ?? []), entry.applicationId]);
  }
  /** The choices an applicant could be given: in the round and eligible. */
  const acceptable = (applicant: AllocationApplicant, programmeId: string) => {
    const programme = programmes.get(programmeId);
    return programme !== undefined && ineligibility(applicant, programme) === null;
  };
  return { applicants, programmes, outcome, occupants, acceptable };
}

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: order[index % Math.max(order.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}

describe('score', () => {
  it('weighs grade /20, level /6 and rating /5', () => {
    expect(score({ grade: 1, language: 1, motivation: 1 }, 20, 6, 5)).toBe(3);
    expect(score({ grade: 2, language: 0, motivation: 1 }, 10, 6, 0)).toBe(1);
    expect(score({ grade: 1, language: 1, motivation: 1 }, null, 0, 0)).toBe(0);
  });

  it('counts the best level in a language of instruction of a choice (any language for a choice naming none)', () => {
    const skills = [
      { language: 'en', cefrLevel: 'B2' as const },
      { language: 'fr', cefrLevel: 'C2' as const },
    ];
    expect(scoredLanguageLevel(skills, ['en'])).toBe(4);
    expect(scoredLanguageLevel(skills, ['en', 'fr'])).toBe(6);
    expect(scoredLanguageLevel(skills, ['en', null])).toBe(6);
    expect(scoredLanguageLevel(skills, ['de'])).toBe(0);
  });

  it('draws the lottery number from the seed and the id', () => {
    expect(lotteryNumber('seed', 'a')).toMatch(/^[0-9a-f]{64}$/);
    expect(lotteryNumber('seed', 'a')).toBe(lotteryNumber('seed', 'a'));
    expect(lotteryNumber('seed', 'a')).not.toBe(lotteryNumber('seed2', 'a'));
  });
});

describe('allocate', () => {
  const programme = (
    id: string,
    capacity: number,
    rules: Partial<AllocationProgramme> = {},
  ): AllocationProgramme => ({
    id,
    capacity,
    eligibleFacultyIds: [],
    languageOfInstruction: null,
    minLanguageLevel: null,
    ...rules,
  });
  const student = (
    id: string,
    rating: number,
    choices: string[],
    rest: Partial<AllocationApplicant> = {},
  ): AllocationApplicant => ({
    id,
    choices,
    homeFacultyId: 'f1',
    languageSkills: [{ language: 'en', cefrLevel: 'B2' }],
    gradeAverage: 10,
    motivationRating: rating,
    ...rest,
  });
  const weights = { grade: 0, language: 0, motivation: 1 };

  it('gives the best score its first choice and explains the others with the cut-off', () => {
    const result = allocate({
      seed: 's',
      weights,
      programmes: [
        programme('p1', 1),
        programme('p2', 1, { minLanguageLevel: 'C1', languageOfInstruction: 'en' }),
      ],
      applicants: [student('low', 2, ['p1', 'p2']), student('high', 5, ['p1'])],
    });
    expect(result.applications).toEqual([
      { applicationId: 'high', score: 1, rank: 1, programmeId: 'p1', choiceRank: 1, reasons: [] },
      {
        applicationId: 'low',
        score: 0.4,
        rank: 2,
        programmeId: null,
        choiceRank: null,
        reasons: [
          { programmeId: 'p1', rank: 1, reason: 'FULL', cutoffScore: 1 },
          { programmeId: 'p2', rank: 2, reason: 'NOT_ELIGIBLE', rule: 'language' },
        ],
      },
    ]);
    expect(result.programmes).toEqual([
      { programmeId: 'p1', capacity: 1, taken: 1, cutoffScore: 1 },
      { programmeId: 'p2', capacity: 1, taken: 0, cutoffScore: null },
    ]);
  });

  it('breaks a tie by grade, then language level, then the lottery, never the input order', () => {
    const tie = (seed: string, applicants: AllocationApplicant[]) =>
      allocate({ seed, weights, programmes: [programme('p1', 1)], applicants }).applications[0].applicationId;
    expect(
      tie('s', [
        student('a', 3, ['p1'], { gradeAverage: 12 }),
        student('b', 3, ['p1'], { gradeAverage: 14 }),
      ]),
    ).toBe('b');
    expect(
      tie('s', [
        student('a', 3, ['p1'], { languageSkills: [{ language: 'en', cefrLevel: 'C1' }] }),
        student('b', 3, ['p1']),
      ]),
    ).toBe('a');
    const byLottery = lotteryNumber('s', 'a') < lotteryNumber('s', 'b') ? 'a' : 'b';
    expect(tie('s', [student('a', 3, ['p1']), student('b', 3, ['p1'])])).toBe(byLottery);
    expect(tie('s', [student('b', 3, ['p1']), student('a', 3, ['p1'])])).toBe(byLottery);
  });

  it('keeps an approved place and moves up only when a better choice is free', () => {
    const result = allocate({
      seed: 's',
      weights,
      programmes: [programme('p1', 1), programme('p2', 1)],
      applicants: [
        student('top', 5, ['p1']),
        student('held', 1, ['p1', 'p2'], { heldProgrammeId: 'p2' }),
        student('mid', 3, ['p2']),
      ],
    });
    const by = new Map(result.applications.map((entry) => [entry.applicationId, entry.programmeId]));
    expect(Object.fromEntries(by)).toEqual({ top: 'p1', held: 'p2', mid: null });
  });

  it('never places over capacity, nor on a choice not listed, not in the round or not eligible for', () => {
    fc.assert(
      fc.property(instanceArb({ maxProgrammes: 4, maxApplicants: 12, holders: true }), (input) => {
        const result = allocate(input);
        const { applicants, programmes, occupants, acceptable } = facts(input, result);
        for (const [id, list] of occupants)
          expect(list.length).toBeLessThanOrEqual(programmes.get(id)!.capacity);
        for (const summary of result.programmes)
          expect(summary.taken).toBe(occupants.get(summary.programmeId)?.length ?? 0);
        for (const entry of result.applications) {
          if (entry.programmeId === null) continue;
          const applicant = applicants.get(entry.applicationId)!;
          expect(applicant.choices[entry.choiceRank! - 1]).toBe(entry.programmeId);
          // An approved place is kept even if the facts changed since; any other must be acceptable.
          if (entry.programmeId !== applicant.heldProgrammeId) {
            expect(acceptable(applicant, entry.programmeId)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no justified envy: a preferred, eligible programme holds only higher-priority students', () => {
    fc.assert(
      fc.property(small, (input) => {
        const result = allocate(input);
        const { applicants, outcome, occupants, acceptable } = facts(input, result);
        for (const entry of result.applications) {
          const applicant = applicants.get(entry.applicationId)!;
          for (const programmeId of applicant.choices.slice(0, preference(applicant, entry.programmeId))) {
            if (!acceptable(applicant, programmeId)) continue;
            for (const other of occupants.get(programmeId) ?? []) {
              const them = outcome.get(other)!;
              expect(them.rank).toBeLessThan(entry.rank);
              expect(them.score).toBeGreaterThanOrEqual(entry.score);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('wastes no place: a preferred, eligible programme is full, and its reason names the cut-off', () => {
    fc.assert(
      fc.property(small, (input) => {
        const result = allocate(input);
        const { applicants, programmes, occupants, acceptable } = facts(input, result);
        for (const entry of result.applications) {
          const applicant = applicants.get(entry.applicationId)!;
          const better = applicant.choices.slice(0, preference(applicant, entry.programmeId));
          expect(entry.reasons.map((reason) => reason.programmeId)).toEqual(better);
          for (const reason of entry.reasons) {
            if (!acceptable(applicant, reason.programmeId)) {
              expect(reason.reason).not.toBe('FULL');
              continue;
            }
            expect(occupants.get(reason.programmeId)?.length ?? 0).toBe(
              programmes.get(reason.programmeId)!.capacity,
            );
            expect(reason.reason).toBe('FULL');
            if (reason.reason === 'FULL' && reason.cutoffScore !== null) {
              expect(reason.cutoffScore).toBeGreaterThanOrEqual(entry.score);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the order of the input, for the same seed', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxProgrammes: 4, maxApplicants: 12, holders: true }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 12 }),
        (input, order) => {
          const reordered = allocate({
            ...input,
            applicants: shuffled(input.applicants, order),
            programmes: shuffled(input.programmes, [...order].reverse()),
          });
          const result = allocate(input);
          expect(reordered.applications).toEqual(result.applications);
          const byId = (list: AllocationResult['programmes']) =>
            [...list].sort((a, b) => a.programmeId.localeCompare(b.programmeId));
          expect(byId(reordered.programmes)).toEqual(byId(result.programmes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never worsens a student’s outcome when their own score rises', () => {
    fc.assert(
      fc.property(small, fc.nat(), fc.integer({ min: 1, max: 5 }), (input, pick, raise) => {
        fc.pre(input.applicants.length > 0);
        const index = pick % input.applicants.length;
        const applicant = input.applicants[index];
        const before = allocate(input).applications.find((entry) => entry.applicationId === applicant.id)!;
        const raised = {
          ...applicant,
          motivationRating: Math.min(5, applicant.motivationRating + raise),
          gradeAverage: Math.min(20, (applicant.gradeAverage ?? 0) + raise),
        };
        const applicants = input.applicants.map((other, position) => (position === index ? raised : other));
        const after = allocate({ ...input, applicants }).applications.find(
          (entry) => entry.applicationId === applicant.id,
        )!;
        expect(preference(applicant, after.programmeId)).toBeLessThanOrEqual(
          preference(applicant, before.programmeId),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is Pareto efficient on small instances: no assignment makes one better off and nobody worse off (brute force)', () => {
    fc.assert(
      fc.property(instanceArb({ maxProgrammes: 3, maxApplicants: 5 }), (input) => {
        const result = allocate(input);
        const { outcome, programmes, acceptable } = facts(input, result);
        const current = input.applicants.map((applicant) =>
          preference(applicant, outcome.get(applicant.id)!.programmeId),
        );
        const left = new Map(input.programmes.map((programme) => [programme.id, programme.capacity]));
        // Every feasible assignment, one applicant at a time, pruned when someone is worse off.
        const search = (index: number, strictlyBetter: boolean): boolean => {
          if (index === input.applicants.length) return strictlyBetter;
          const applicant = input.applicants[index];
          const options: Array<string | null> = [
            ...applicant.choices.filter((id) => programmes.has(id) && acceptable(applicant, id)),
            null,
          ];
          for (const option of options) {
            const rank = preference(applicant, option);
            if (rank > current[index]) continue;
            if (option !== null) {
              if (left.get(option)! <= 0) continue;
              left.set(option, left.get(option)! - 1);
            }
            const found = search(index + 1, strictlyBetter || rank < current[index]);
            if (option !== null) left.set(option, left.get(option)! + 1);
            if (found) return true;
          }
          return false;
        };
        expect(search(0, false)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never takes an approved place away from its holder', () => {
    fc.assert(
      fc.property(instanceArb({ maxProgrammes: 4, maxApplicants: 12, holders: true }), (input) => {
        const result = allocate(input);
        const { applicants } = facts(input, result);
        for (const entry of result.applications) {
          const applicant = applicants.get(entry.applicationId)!;
          if (!applicant.heldProgrammeId) continue;
          expect(entry.programmeId).not.toBeNull();
          expect(preference(applicant, entry.programmeId)).toBeLessThanOrEqual(
            preference(applicant, applicant.heldProgrammeId),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
