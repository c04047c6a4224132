import { randomUUID } from 'node:crypto';
import { insertInstitution, insertProgramme } from '../../support/catalogue-fixtures.js';
import { everyone, only, STAFF, type MatrixContext, type MatrixRow } from '../matrix.js';

const WRITERS = ['coordinator', 'admin'] as const;

/** One draft programme per matrix run: staff read it (200), everyone else gets 404. */
const drafts = new WeakMap<MatrixContext, Promise<string>>();
function draftProgrammeId(context: MatrixContext): Promise<string> {
  let id = drafts.get(context);
  if (!id) {
    id = insertInstitution(context.t)
      .then((host) => insertProgramme(context.t, host.id, { status: 'draft' }))
      .then((programme) => programme.id);
    drafts.set(context, id);
  }
  return id;
}

/** Institutions and faculties, agreements, programmes. */
export const catalogueRows: MatrixRow[] = [
  { method: 'GET', path: '/api/institutions', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/institutions',
    expect: only([...WRITERS], 400),
    prepare: () => ({ body: {} }),
  },
  {
    method: 'GET',
    path: '/api/institutions/:id',
    expect: everyone(404),
    prepare: () => ({ url: `/api/institutions/${randomUUID()}` }),
  },
  {
    method: 'PATCH',
    path: '/api/institutions/:id',
    expect: only([...WRITERS], 404),
    prepare: () => ({ url: `/api/institutions/${randomUUID()}`, body: {} }),
  },
  {
    method: 'GET',
    path: '/api/institutions/:id/faculties',
    expect: everyone(404),
    prepare: () => ({ url: `/api/institutions/${randomUUID()}/faculties` }),
  },
  {
    method: 'POST',
    path: '/api/institutions/:id/faculties',
    expect: only([...WRITERS], 400),
    prepare: () => ({ url: `/api/institutions/${randomUUID()}/faculties`, body: {} }),
  },

  { method: 'GET', path: '/api/agreements', expect: only(STAFF, 200) },
  { method: 'POST', path: '/api/agreements', expect: only([...WRITERS], 400), prepare: () => ({ body: {} }) },
  {
    method: 'GET',
    path: '/api/agreements/:id',
    expect: only(STAFF, 404),
    prepare: () => ({ url: `/api/agreements/${randomUUID()}` }),
  },
  {
    method: 'PATCH',
    path: '/api/agreements/:id',
    expect: only([...WRITERS], 404),
    prepare: () => ({ url: `/api/agreements/${randomUUID()}`, body: {} }),
  },

  { method: 'GET', path: '/api/programmes', expect: everyone(200) },
  { method: 'POST', path: '/api/programmes', expect: only([...WRITERS], 400), prepare: () => ({ body: {} }) },
  {
    method: 'GET',
    path: '/api/programmes/:id',
    // A draft: staff see it, the public (and editors, who are not staff here) get 404.
    expect: { ...everyone(404), advisor: 200, coordinator: 200, admin: 200 },
    prepare: async (context) => ({ url: `/api/programmes/${await draftProgrammeId(context)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/programmes/:id',
    expect: only([...WRITERS], 404),
    prepare: () => ({ url: `/api/programmes/${randomUUID()}`, body: {} }),
  },
];
