import { randomUUID } from 'node:crypto';
import { IncomingMobility } from '../../../src/incoming/incoming-mobility.entity.js';
import { homeFaculty } from '../../support/catalogue-fixtures.js';
import { only, PARTNERS, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const OFFICE = ['coordinator', 'admin'] as const;
const OFFICE_AND_PARTNERS: Caller[] = [...OFFICE, ...PARTNERS];

const fixtures = new WeakMap<MatrixContext, Promise<{ mobilityId: string; facultyId: string }>>();

/** A student nominated by partner A's institution, made once per matrix run in the database. */
function nominationOfA(context: MatrixContext) {
  let made = fixtures.get(context);
  if (!made) {
    made = (async () => {
      const faculty = await homeFaculty(context.t, 'EII');
      const mobility = await context.t.dataSource.getRepository(IncomingMobility).save({
        firstName: 'Matrix',
        lastName: 'Incoming',
        email: `matrix-${randomUUID().slice(0, 8)}@partner-a.example.org`,
        homeInstitutionId: context.partnerInstitutions.a,
        hostFacultyId: faculty.id,
        academicYear: '2025/2026',
        term: 'spring',
        plannedArrival: '2026-02-02',
        plannedDeparture: '2026-06-30',
      });
      return { mobilityId: mobility.id, facultyId: faculty.id };
    })();
    fixtures.set(context, made);
  }
  return made;
}

/** The office and partner A see partner A's nomination; partner B gets 404. */
const ofA = (status: number) => ({ ...only([...OFFICE], status), partnerA: status, partnerB: 404 });

/**
 * Incoming mobilities: the International Relations Office keeps them all; a partner coordinator
 * reads and nominates only its own institution's students.
 */
export const incomingRows: MatrixRow[] = [
  { method: 'GET', path: '/api/incoming', expect: only(OFFICE_AND_PARTNERS, 200) },
  {
    method: 'POST',
    path: '/api/incoming',
    expect: only(OFFICE_AND_PARTNERS, 400),
    prepare: () => ({ body: {} }),
  },
  {
    // A nomination for partner A with its dates the wrong way round: nothing is stored; partner B
    // may not nominate for institution A at all.
    method: 'POST',
    path: '/api/incoming',
    expect: ofA(400),
    prepare: async (context) => ({
      body: {
        firstName: 'Matrix',
        lastName: 'Nominee',
        email: 'matrix-nominee@partner-a.example.org',
        homeInstitutionId: context.partnerInstitutions.a,
        hostFacultyId: (await nominationOfA(context)).facultyId,
        academicYear: '2025/2026',
        term: 'spring',
        plannedArrival: '2026-06-30',
        plannedDeparture: '2026-02-02',
      },
    }),
  },
  { method: 'GET', path: '/api/incoming/export.csv', expect: only([...OFFICE], 200) },
  {
    method: 'POST',
    path: '/api/incoming/import',
    expect: only([...OFFICE], 400),
    // A CSV whose header is wrong: the office gets 400, nothing is stored.
    prepare: () => ({ body: 'not,the,header\n', headers: { 'content-type': 'text/csv' } }),
  },
  {
    method: 'GET',
    path: '/api/incoming/:id',
    expect: only(OFFICE_AND_PARTNERS, 404),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}` }),
  },
  {
    method: 'GET',
    path: '/api/incoming/:id',
    expect: ofA(200),
    prepare: async (context) => ({ url: `/api/incoming/${(await nominationOfA(context)).mobilityId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/incoming/:id',
    expect: only([...OFFICE], 404),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/incoming/:id/transition',
    expect: only([...OFFICE], 400),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}/transition`, body: {} }),
  },
  {
    method: 'GET',
    path: '/api/incoming/:id/events',
    expect: ofA(200),
    prepare: async (context) => ({
      url: `/api/incoming/${(await nominationOfA(context)).mobilityId}/events`,
    }),
  },
];
