import { randomUUID } from 'node:crypto';
import { Application } from '../../../src/applications/application.entity.js';
import { Institution } from '../../../src/institutions/institution.entity.js';
import { OutgoingMobility } from '../../../src/outgoing/outgoing-mobility.entity.js';
import { insertProgramme } from '../../support/catalogue-fixtures.js';
import { only, PARTNERS, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const READERS: Caller[] = ['advisor', 'coordinator', 'admin'];
const OFFICE: Caller[] = ['coordinator', 'admin'];

const fixtures = new WeakMap<MatrixContext, Promise<string>>();

/** A nomination received by partner A's institution, made once per matrix run in the database. */
export function mobilityOfA(context: MatrixContext): Promise<string> {
  let made = fixtures.get(context);
  if (!made) {
    made = makeMobility(context);
    fixtures.set(context, made);
  }
  return made;
}

async function makeMobility({ t, users, partnerInstitutions }: MatrixContext): Promise<string> {
  const programme = await insertProgramme(t, partnerInstitutions.a, {
    title: 'Matrix outgoing programme',
    academicYear: '2025/2026',
    term: 'full-year',
    status: 'published',
  });
  const home = await t.dataSource.getRepository(Institution).findOneByOrFail({ isHome: true });
  const now = new Date();
  const application = await t.dataSource.getRepository(Application).save({
    studentId: users.otherStudent.id,
    academicYear: '2025/2026',
    term: 'full-year',
    status: 'confirmed',
    submittedAt: now,
    decidedAt: now,
    confirmedAt: now,
    placedProgrammeId: programme.id,
  });
  const mobility = await t.dataSource.getRepository(OutgoingMobility).save({
    applicationId: application.id,
    studentId: users.otherStudent.id,
    programmeId: programme.id,
    sendingInstitutionId: home.id,
    receivingInstitutionId: partnerInstitutions.a,
    firstName: 'Matrix',
    lastName: 'Nominee',
    email: users.otherStudent.email,
    globalId: `urn:schac:personalUniqueCode:int:esi:${home.schacCode}:${users.otherStudent.id}`,
    academicYear: '2025/2026',
    term: 'full-year',
    plannedArrival: programme.startDate,
    plannedDeparture: programme.endDate,
  });
  return mobility.id;
}

/** Staff read; partner A reads (and answers) its own institution's nomination, partner B gets 404. */
const ofA = (roles: Caller[], status: number) => ({
  ...only(roles, status),
  partnerA: status,
  partnerB: 404,
});

/**
 * Outgoing mobilities: staff read them; the International Relations Office moves them on; a
 * partner reads and answers only what its institution receives.
 */
export const outgoingRows: MatrixRow[] = [
  { method: 'GET', path: '/api/outgoing', expect: only([...READERS, ...PARTNERS], 200) },
  { method: 'GET', path: '/api/outgoing/export.csv', expect: only(OFFICE, 200) },
  {
    method: 'GET',
    path: '/api/outgoing/ewp.xml',
    expect: only([...READERS, ...PARTNERS], 200),
    prepare: () => ({ query: { academicYear: '2030/2031' } }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id',
    expect: only([...READERS, ...PARTNERS], 404),
    prepare: () => ({ url: `/api/outgoing/${randomUUID()}` }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id',
    expect: ofA(READERS, 200),
    prepare: async (context) => ({ url: `/api/outgoing/${await mobilityOfA(context)}` }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id/ewp.xml',
    expect: ofA(READERS, 200),
    prepare: async (context) => ({ url: `/api/outgoing/${await mobilityOfA(context)}/ewp.xml` }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id/events',
    expect: ofA(READERS, 200),
    prepare: async (context) => ({ url: `/api/outgoing/${await mobilityOfA(context)}/events` }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/transition',
    expect: only(OFFICE, 400),
    prepare: () => ({ url: `/api/outgoing/${randomUUID()}/transition`, body: {} }),
  },
  {
    // A faculty that does not exist: whoever may answer gets 400 and nothing changes; partner B
    // does not see the nomination at all.
    method: 'POST',
    path: '/api/outgoing/:id/verification',
    expect: ofA(OFFICE, 400),
    prepare: async (context) => ({
      url: `/api/outgoing/${await mobilityOfA(context)}/verification`,
      body: { outcome: 'verified', receivingFacultyId: randomUUID() },
    }),
  },
];
