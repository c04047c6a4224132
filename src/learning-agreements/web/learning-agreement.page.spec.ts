import type { AuthUser } from '../../auth/auth-user.js';
import type { LearningAgreementResponse, VersionResponse } from '../dto/learning-agreement.response.js';
import type { LaContent } from '../learning-agreement-state.js';
import type { LaMobilityHeader } from '../learning-agreements.service.js';
import { actionsFor, differences } from './learning-agreement.page.js';

const content = (codes: string[], changes: LaContent['changes'] = []): LaContent => ({
  tableA: codes.map((code) => ({
    title: `Course ${code}`,
    code,
    term: 'spring',
    ects: 6,
    recognitionConditions: null,
  })),
  tableB: [{ title: 'Home', code: 'H-1', ects: 20 }],
  tableC: [],
  shortCreditsReason: null,
  languageCompetence: { language: 'ru', cefrLevel: 'B2' },
  eqfLevel: 6,
  subjectArea: '0231',
  sendingResponsible: null,
  receivingResponsible: null,
  changes,
});

const user = (role: AuthUser['role']): AuthUser => ({
  id: 'u',
  email: 'u@example.org',
  role,
  firstName: 'U',
  lastName: 'U',
  homeFacultyId: null,
  institutionId: null,
});

const header = (fields: Partial<LaMobilityHeader> = {}): LaMobilityHeader => ({
  id: 'm',
  studentId: 's',
  studentName: 'Student',
  hostName: 'Host',
  academicYear: '2025/2026',
  term: 'spring',
  status: 'nomination',
  open: true,
  ...fields,
});

const version = (fields: Partial<VersionResponse>): VersionResponse =>
  ({
    number: 1,
    status: 'draft',
    nextSigners: ['student', 'sending'],
    missing: [],
    ...fields,
  }) as VersionResponse;

const agreement = (current: VersionResponse | null, lastApproved: VersionResponse | null = null) =>
  ({ current, lastApproved }) as LearningAgreementResponse;

describe('learning agreement page', () => {
  it('lists what a version adds and removes by table and code, a changed component as both, with the change reasons', () => {
    const base = content(['A1', 'A2', 'A3']);
    const next = content(
      ['A1', 'A3', 'A4'],
      [
        {
          table: 'A',
          action: 'deleted',
          code: 'A2',
          title: 'Course A2',
          reasonCode: 'timetable-conflict',
          reasonText: 'Clash',
        },
        {
          table: 'A',
          action: 'inserted',
          code: 'A4',
          title: 'Course A4',
          reasonCode: 'substituting-deleted',
          reasonText: null,
        },
      ],
    );
    next.tableA[1] = { ...next.tableA[1], ects: 5 };
    expect(differences(base, next).map((d) => [d.action, d.code, d.reasonCode, d.reasonText])).toEqual([
      ['deleted', 'A2', 'timetable-conflict', 'Clash'],
      ['deleted', 'A3', null, null],
      ['inserted', 'A3', null, null],
      ['inserted', 'A4', 'substituting-deleted', null],
    ]);
    expect(differences(base, base)).toEqual([]);
  });

  it('offers each side the signature it still owes, the partner the comment on a proposal, and nothing on a closed mobility', () => {
    const draft = agreement(version({ nextSigners: ['sending'] }));
    expect(actionsFor(user('coordinator'), header(), draft)).toMatchObject({
      sign: 'sending',
      comment: false,
      edit: 'edit',
    });
    expect(actionsFor(user('student'), header(), draft)).toMatchObject({ sign: null, edit: 'edit' });
    expect(actionsFor(user('advisor'), header(), draft)).toEqual({
      sign: null,
      comment: false,
      results: false,
      recognition: false,
      edit: null,
    });
    const incomplete = agreement(version({ missing: ['tableA'] }));
    expect(actionsFor(user('student'), header(), incomplete).sign).toBeNull();
    const proposal = agreement(version({ status: 'proposal', nextSigners: ['receiving'] }));
    expect(actionsFor(user('partner'), header(), proposal)).toMatchObject({
      sign: 'receiving',
      comment: true,
    });
    expect(actionsFor(user('partner'), header({ open: false }), proposal)).toMatchObject({
      sign: null,
      comment: false,
    });
    expect(actionsFor(user('student'), header(), agreement(null)).edit).toBe('start');
  });

  it('offers results to the office and the partner, recognition to the office, once approved and live', () => {
    const approved = version({ status: 'approved', nextSigners: [] });
    const live = header({ status: 'live' });
    expect(actionsFor(user('partner'), live, agreement(approved, approved))).toMatchObject({
      results: true,
      recognition: false,
    });
    expect(actionsFor(user('admin'), live, agreement(approved, approved))).toMatchObject({
      results: true,
      recognition: true,
      edit: 'changes',
    });
    expect(actionsFor(user('admin'), header(), agreement(approved, approved))).toMatchObject({
      results: false,
      recognition: false,
    });
  });
});
