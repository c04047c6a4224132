import type { ProgrammeFacts } from '../application-state.js';
import { readyToSubmit, submissionChecklist } from './submission-checklist.js';

const now = new Date('2026-03-10T12:00:00Z');
const programme = (fields: Partial<ProgrammeFacts> = {}): ProgrammeFacts => ({
  id: 'p1',
  title: 'Semester at Al-Farabi',
  status: 'published',
  academicYear: '2026/2027',
  term: 'autumn',
  applicationOpensAt: new Date('2026-03-01T00:00:00Z'),
  applicationClosesAt: new Date('2026-04-01T00:00:00Z'),
  eligibleFacultyIds: [],
  languageOfInstruction: null,
  minLanguageLevel: null,
  ...fields,
});
const motivation = 'I want to learn Russian and Kazakh and study translation in Almaty for a semester.';

describe('submissionChecklist', () => {
  it('is all ticked for a complete draft inside every window', () => {
    const items = submissionChecklist({
      motivation,
      languageSkills: [],
      homeFacultyId: null,
      programmes: [programme(), programme({ id: 'p2', title: 'Second' })],
      now,
    });
    expect(items.map((item) => item.key)).toEqual([
      'applications.check.motivation.ok',
      'applications.check.window.ok',
      'applications.check.eligible.ok',
      'applications.check.window.ok',
      'applications.check.eligible.ok',
    ]);
    expect(readyToSubmit(items)).toBe(true);
  });

  it('names every blocker at once: short motivation, closed and not-yet-open windows, faculty and language rules', () => {
    const items = submissionChecklist({
      motivation: 'Too short',
      languageSkills: [{ language: 'ru', cefrLevel: 'A2' }],
      homeFacultyId: 'faculty-of-science',
      programmes: [
        programme({
          title: 'Closed',
          applicationClosesAt: new Date('2026-03-05T00:00:00Z'),
          eligibleFacultyIds: ['eii'],
        }),
        programme({
          title: 'Later',
          applicationOpensAt: new Date('2026-05-01T00:00:00Z'),
          applicationClosesAt: new Date('2026-06-01T00:00:00Z'),
          languageOfInstruction: 'RU',
          minLanguageLevel: 'B1',
        }),
      ],
      now,
    });
    expect(items.filter((item) => !item.ok).map((item) => [item.key, item.values.title])).toEqual([
      ['applications.check.motivation.short', undefined],
      ['applications.check.window.closed', 'Closed'],
      ['applications.check.faculty.other', 'Closed'],
      ['applications.check.window.notYet', 'Later'],
      ['applications.check.language', 'Later'],
    ]);
    expect(items[0].values).toMatchObject({ count: 9, min: 50 });
    expect(items[4].values).toMatchObject({ level: 'B1', language: 'ru' });
    expect(readyToSubmit(items)).toBe(false);
  });

  it('names the faculty and the language rule both when both block one programme', () => {
    const items = submissionChecklist({
      motivation,
      languageSkills: [],
      homeFacultyId: null,
      programmes: [
        programme({ eligibleFacultyIds: ['eii'], languageOfInstruction: 'ru', minLanguageLevel: 'B1' }),
      ],
      now,
    });
    expect(items.filter((item) => !item.ok).map((item) => item.key)).toEqual([
      'applications.check.faculty.none',
      'applications.check.language',
    ]);
  });

  it('says when the profile names no faculty, and when a programme was withdrawn from the catalogue', () => {
    const items = submissionChecklist({
      motivation,
      languageSkills: [],
      homeFacultyId: null,
      programmes: [programme({ eligibleFacultyIds: ['eii'], status: 'archived' })],
      now,
    });
    expect(items.filter((item) => !item.ok).map((item) => item.key)).toEqual([
      'applications.check.window.withdrawn',
      'applications.check.faculty.none',
    ]);
  });
});
