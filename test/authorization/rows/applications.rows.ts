import { Application } from '../../../src/applications/application.entity.js';
import { ApplicationChoice } from '../../../src/applications/application-choice.entity.js';
import { insertInstitution, insertProgramme } from '../../support/catalogue-fixtures.js';
import { only, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const STUDENTS: Caller[] = ['student', 'otherStudent'];
const READERS: Caller[] = ['student', 'otherStudent', 'advisor', 'coordinator', 'admin'];

interface Fixtures {
  /** A draft of `student` with no motivation: submitting it is always a 409, so nothing changes. */
  draftId: string;
  /** A withdrawn application of `student`: withdrawing it again is always a 409. */
  withdrawnId: string;
  /** A submitted application of `student` (another term): staff read it. */
  submittedId: string;
}

const fixtures = new WeakMap<MatrixContext, Promise<Fixtures>>();

/** Made once per matrix run, straight in the database. */
function fixturesFor(context: MatrixContext): Promise<Fixtures> {
  let made = fixtures.get(context);
  if (!made) {
    made = makeFixtures(context);
    fixtures.set(context, made);
  }
  return made;
}

async function makeFixtures({ t, users }: MatrixContext): Promise<Fixtures> {
  const host = await insertInstitution(t, { name: 'Matrix host university', countryCode: 'KZ' });
  const programme = await insertProgramme(t, host.id, {
    title: 'Matrix programme',
    academicYear: '2025/2026',
    status: 'published',
  });
  const applications = t.dataSource.getRepository(Application);
  const base = { studentId: users.student.id, academicYear: '2025/2026', term: 'spring' as const };
  const draft = await applications.save({ ...base, status: 'draft' });
  const withdrawn = await applications.save({ ...base, status: 'withdrawn', withdrawnAt: new Date() });
  const submitted = await applications.save({
    ...base,
    term: 'autumn',
    status: 'submitted',
    submittedAt: new Date(),
  });
  await t.dataSource.getRepository(ApplicationChoice).save([
    { applicationId: draft.id, rank: 1, programmeId: programme.id },
    { applicationId: withdrawn.id, rank: 1, programmeId: programme.id },
    { applicationId: submitted.id, rank: 1, programmeId: programme.id },
  ]);
  return { draftId: draft.id, withdrawnId: withdrawn.id, submittedId: submitted.id };
}

/** `roles` get `status`, except `otherStudent`, who gets 404 for someone else's application. */
function ownedBy(roles: Caller[], status: number): MatrixRow['expect'] {
  return { ...only(roles, status), otherStudent: 404 };
}

/** A draft is its student's alone: staff, an admin too, get 404 as if it did not exist. */
function draftOf(roles: Caller[], status: number): MatrixRow['expect'] {
  return { ...ownedBy(roles, status), advisor: 404, coordinator: 404, admin: 404 };
}

/** Outgoing applications: students own theirs; advisors and admins decide; coordinators read. */
export const applicationsRows: MatrixRow[] = [
  { method: 'GET', path: '/api/applications', expect: only(READERS, 200) },
  { method: 'POST', path: '/api/applications', expect: only(STUDENTS, 400), prepare: () => ({ body: {} }) },
  {
    method: 'GET',
    path: '/api/applications/:id',
    expect: draftOf(READERS, 200),
    prepare: async (context) => ({ url: `/api/applications/${(await fixturesFor(context)).draftId}` }),
  },
  {
    method: 'GET',
    path: '/api/applications/:id',
    expect: ownedBy(READERS, 200),
    prepare: async (context) => ({ url: `/api/applications/${(await fixturesFor(context)).submittedId}` }),
  },
  {
    // A stale version: the owner gets 409 STALE_VERSION, and the draft never changes.
    method: 'PATCH',
    path: '/api/applications/:id',
    expect: ownedBy(STUDENTS, 409),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).draftId}`,
      body: { version: 999 },
    }),
  },
  {
    method: 'POST',
    path: '/api/applications/:id/submit',
    expect: ownedBy(STUDENTS, 409),
    prepare: async (context) => ({ url: `/api/applications/${(await fixturesFor(context)).draftId}/submit` }),
  },
  {
    method: 'POST',
    path: '/api/applications/:id/withdraw',
    expect: ownedBy(STUDENTS, 409),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).withdrawnId}/withdraw`,
      body: {},
    }),
  },
  {
    // A draft cannot be confirmed or declined: its student gets 409, and nothing changes.
    method: 'POST',
    path: '/api/applications/:id/confirm',
    expect: ownedBy(STUDENTS, 409),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).draftId}/confirm`,
      body: {},
    }),
  },
  {
    method: 'POST',
    path: '/api/applications/:id/decline',
    expect: ownedBy(STUDENTS, 409),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).draftId}/decline`,
      body: {},
    }),
  },
  {
    method: 'POST',
    path: '/api/applications/:id/decision',
    expect: only(['advisor', 'admin'], 400),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).draftId}/decision`,
      body: {},
    }),
  },
  {
    // An empty body: the advisor's verification is refused before anything changes.
    method: 'PATCH',
    path: '/api/applications/:id/language-skills/:index',
    expect: only(['advisor', 'admin'], 400),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).submittedId}/language-skills/0`,
      body: {},
    }),
  },
  {
    method: 'GET',
    path: '/api/applications/:id/events',
    expect: draftOf(READERS, 200),
    prepare: async (context) => ({ url: `/api/applications/${(await fixturesFor(context)).draftId}/events` }),
  },
  {
    method: 'GET',
    path: '/api/applications/:id/events',
    expect: ownedBy(READERS, 200),
    prepare: async (context) => ({
      url: `/api/applications/${(await fixturesFor(context)).submittedId}/events`,
    }),
  },
];
