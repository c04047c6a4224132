import { randomUUID } from 'node:crypto';
import { SelectionRound } from '../../../src/selection-rounds/selection-round.entity.js';
import { only, pageOnly, STAFF, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const COMMITTERS: Caller[] = ['advisor', 'admin'];

const fixtures = new WeakMap<MatrixContext, Promise<string>>();

/** A committed round with no applications, made once per matrix run straight in the database. */
function committedRound(context: MatrixContext): Promise<string> {
  let made = fixtures.get(context);
  if (!made) {
    made = context.t.dataSource
      .getRepository(SelectionRound)
      .save({
        academicYear: '2190/2191',
        term: 'autumn',
        weights: { grade: 1, language: 1, motivation: 1 },
        allowUpgrades: false,
        seed: 'matrix',
        status: 'committed',
        fingerprint: '0'.repeat(64),
        programmes: [],
        applicationCount: 0,
        placedCount: 0,
        createdById: context.users.advisor.id,
        committedById: context.users.advisor.id,
        committedAt: new Date(),
      })
      .then((round) => round.id);
    fixtures.set(context, made);
  }
  return made;
}

/** Selection rounds: staff preview and read; advisors and admins commit; staff rate motivations. */
export const selectionRoundsRows: MatrixRow[] = [
  { method: 'POST', path: '/api/selection-rounds', expect: only(STAFF, 400), prepare: () => ({ body: {} }) },
  { method: 'GET', path: '/api/selection-rounds', expect: only(STAFF, 200) },
  {
    method: 'GET',
    path: '/api/selection-rounds/:id',
    expect: only(STAFF, 200),
    prepare: async (context) => ({ url: `/api/selection-rounds/${await committedRound(context)}` }),
  },
  {
    method: 'GET',
    path: '/api/selection-rounds/:id/results',
    expect: only(STAFF, 200),
    prepare: async (context) => ({ url: `/api/selection-rounds/${await committedRound(context)}/results` }),
  },
  {
    // Committed already: whoever may commit gets 409, and nothing changes.
    method: 'POST',
    path: '/api/selection-rounds/:id/commit',
    expect: only(COMMITTERS, 409),
    prepare: async (context) => ({ url: `/api/selection-rounds/${await committedRound(context)}/commit` }),
  },
  {
    method: 'PATCH',
    path: '/api/applications/:id/assessment',
    expect: only(STAFF, 400),
    prepare: () => ({ url: `/api/applications/${randomUUID()}/assessment`, body: {} }),
  },
  // Pages (src/selection-rounds/web): the same audiences as the API.
  {
    method: 'GET',
    path: '/:locale/selection-rounds',
    expect: pageOnly(STAFF, 200),
    prepare: () => ({ url: '/en/selection-rounds' }),
  },
  {
    // No field: the form comes back with its problems, nothing is created.
    method: 'POST',
    path: '/:locale/selection-rounds',
    expect: pageOnly(STAFF, 400),
    prepare: () => ({ url: '/en/selection-rounds', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/selection-rounds/:id',
    expect: pageOnly(STAFF, 200),
    prepare: async (context) => ({ url: `/en/selection-rounds/${await committedRound(context)}` }),
  },
  {
    // Without the confirmation box: 400, nothing changes.
    method: 'POST',
    path: '/:locale/selection-rounds/:id/commit',
    expect: pageOnly(COMMITTERS, 400),
    prepare: async (context) => ({
      url: `/en/selection-rounds/${await committedRound(context)}/commit`,
      body: {},
    }),
  },
  {
    method: 'POST',
    path: '/:locale/review/:id/assessment',
    expect: pageOnly(STAFF, 400),
    prepare: () => ({ url: `/en/review/${randomUUID()}/assessment`, body: { motivationRating: '9' } }),
  },
];
