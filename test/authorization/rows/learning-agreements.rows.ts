import { only, pageOnly, PARTNERS, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';
import { mobilityOfA } from './outgoing.rows.js';

const STAFF_READERS: Caller[] = ['advisor', 'coordinator', 'admin'];
const OFFICE: Caller[] = ['coordinator', 'admin'];
const STUDENTS: Caller[] = ['student', 'otherStudent'];

/**
 * Who reads partner A's nomination (its student is `otherStudent`): its student, staff and
 * partner A; the other student and partner B get 404, the editor 403.
 */
const readers = (status: number) => ({
  ...only([...STAFF_READERS, ...STUDENTS, ...PARTNERS], status),
  student: 404,
  partnerB: 404,
});

const base = async (context: MatrixContext) =>
  `/api/outgoing/${await mobilityOfA(context)}/learning-agreement`;

const drafts = new WeakMap<MatrixContext, Promise<string>>();

/** Mobility A with a draft agreement (written once, by the office), for what needs a version to show. */
export function draftedMobilityOfA(context: MatrixContext): Promise<string> {
  let made = drafts.get(context);
  if (!made) {
    made = (async () => {
      const id = await mobilityOfA(context);
      const response = await context.t.http.request('PUT', `/api/outgoing/${id}/learning-agreement/draft`, {
        token: context.users.coordinator.token,
        body: {
          tableA: [{ title: 'Matrix course', code: 'MX-1', term: 'autumn', ects: 30 }],
          tableB: [{ title: 'Matrix recognition', code: 'MX-B', ects: 30 }],
        },
      });
      if (response.status !== 200) throw new Error(`matrix draft: ${response.status} ${response.text}`);
      return id;
    })();
    drafts.set(context, made);
  }
  return made;
}

/**
 * Learning agreements: reads as above; writes are probed with an empty body (400 for whoever
 * passes the role guard, nothing written): drafts and changes by students and the office,
 * signatures by students, the office and partners, comments by partners, results by the office
 * and partners, recognition by the office.
 */
export const learningAgreementsRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/outgoing/:id/learning-agreement',
    expect: readers(200),
    prepare: async (context) => ({ url: await base(context) }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id/learning-agreement/ewp.xml',
    expect: readers(200),
    prepare: async (context) => ({ url: `${await base(context)}/ewp.xml` }),
  },
  {
    // No version 99: whoever may read the agreement gets 404, like whoever may not see it.
    method: 'GET',
    path: '/api/outgoing/:id/learning-agreement/versions/:number',
    expect: only([...STAFF_READERS, ...STUDENTS, ...PARTNERS], 404),
    prepare: async (context) => ({ url: `${await base(context)}/versions/99` }),
  },
  {
    method: 'PUT',
    path: '/api/outgoing/:id/learning-agreement/draft',
    expect: only([...STUDENTS, ...OFFICE], 400),
    prepare: async (context) => ({ url: `${await base(context)}/draft`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/learning-agreement/changes',
    expect: only([...STUDENTS, ...OFFICE], 400),
    prepare: async (context) => ({ url: `${await base(context)}/changes`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/learning-agreement/sign',
    expect: only([...STUDENTS, ...OFFICE, ...PARTNERS], 400),
    prepare: async (context) => ({ url: `${await base(context)}/sign`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/learning-agreement/comment',
    expect: only(PARTNERS, 400),
    prepare: async (context) => ({ url: `${await base(context)}/comment`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/learning-agreement/results',
    expect: only([...OFFICE, ...PARTNERS], 400),
    prepare: async (context) => ({ url: `${await base(context)}/results`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/learning-agreement/recognition',
    expect: only(OFFICE, 400),
    prepare: async (context) => ({ url: `${await base(context)}/recognition`, body: {} }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id/learning-agreement.pdf',
    expect: readers(200),
    prepare: async (context) => ({
      url: `/api/outgoing/${await draftedMobilityOfA(context)}/learning-agreement.pdf`,
    }),
  },
  {
    method: 'GET',
    path: '/:locale/outgoing/:id/learning-agreement.pdf',
    expect: { ...pageOnly([...STAFF_READERS, ...STUDENTS, ...PARTNERS], 200), student: 404, partnerB: 404 },
    prepare: async (context) => ({
      url: `/kk/outgoing/${await draftedMobilityOfA(context)}/learning-agreement.pdf`,
    }),
  },
];
