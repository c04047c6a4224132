import { thrown } from '../../test/support/thrown.js';
import { declareSkills, verifySkill } from './language-skills.js';

const AT = new Date('2026-01-20T10:00:00.000Z');

describe('declareSkills', () => {
  it('stores what a student sends as declared, at the level they declared', () => {
    expect(declareSkills([{ language: 'ru', cefrLevel: 'B2' }])).toEqual([
      {
        language: 'ru',
        cefrLevel: 'B2',
        status: 'declared',
        declaredLevel: 'B2',
        verifiedById: null,
        verifiedAt: null,
      },
    ]);
    expect(declareSkills([])).toEqual([]);
  });
});

describe('verifySkill', () => {
  const skills = declareSkills([
    { language: 'ru', cefrLevel: 'B2' },
    { language: 'en', cefrLevel: 'C1' },
  ]);

  it('marks the skill at the index verified at the confirmed level, keeping the declared one', () => {
    const verified = verifySkill('submitted', skills, 0, 'B1', 'advisor-1', AT);
    expect(verified[0]).toEqual({
      language: 'ru',
      cefrLevel: 'B1',
      status: 'verified',
      declaredLevel: 'B2',
      verifiedById: 'advisor-1',
      verifiedAt: '2026-01-20T10:00:00.000Z',
    });
    expect(verified[1]).toBe(skills[1]);
    expect(skills[0].status).toBe('declared');
    expect(verifySkill('waitlisted', skills, 1, 'C1', 'advisor-1', AT)[1].status).toBe('verified');
  });

  it('answers 404 for an index with no skill', () => {
    for (const index of [-1, 2, 1.5, Number.MAX_SAFE_INTEGER]) {
      const error = thrown(() => verifySkill('submitted', skills, index, 'B1', 'advisor-1', AT));
      expect([index, error.status, error.code]).toEqual([index, 404, 'NOT_FOUND']);
    }
  });

  it('refuses once the application no longer awaits a decision (409 APPLICATION_NOT_EDITABLE)', () => {
    for (const status of ['draft', 'approved', 'rejected', 'withdrawn'] as const) {
      const error = thrown(() => verifySkill(status, skills, 0, 'B1', 'advisor-1', AT));
      expect([status, error.status, error.code]).toEqual([status, 409, 'APPLICATION_NOT_EDITABLE']);
    }
  });
});
