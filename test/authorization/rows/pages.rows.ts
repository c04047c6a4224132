import { randomUUID } from 'node:crypto';
import { insertInstitution, insertProgramme } from '../../support/catalogue-fixtures.js';
import { everyone, pageOnly, SIGNED_IN, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const STUDENTS: Caller[] = ['student', 'otherStudent'];

const first = async (context: MatrixContext, sql: string): Promise<string> =>
  ((await context.t.dataSource.query(sql)) as Array<{ value: string }>)[0].value;

/** One draft of `student` per matrix run, on the reference programme. */
const drafts = new WeakMap<MatrixContext, Promise<string>>();
function studentDraft(context: MatrixContext): Promise<string> {
  let id = drafts.get(context);
  if (!id) {
    // A programme of a year nobody else applies for, so the student has no other live application for it.
    id = insertInstitution(context.t)
      .then((host) =>
        insertProgramme(context.t, host.id, {
          status: 'published',
          academicYear: '2031/2032',
          term: 'full-year',
        }),
      )
      .then((programme) =>
        context.t.http.post(
          '/api/applications',
          { choices: [programme.id] },
          { token: context.users.student.token },
        ),
      )
      .then((response) => {
        if (response.status !== 201)
          throw new Error(`No draft for the matrix: ${response.status} ${response.text}`);
        return (response.body as { id: string }).id;
      });
    drafts.set(context, id);
  }
  return id;
}

const unknown = () => randomUUID();

/** Anyone's pages and the student's pages (the page routes of the features). */
export const pagesRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/:locale/programmes',
    expect: everyone(200),
    prepare: () => ({ url: '/en/programmes' }),
  },
  {
    method: 'GET',
    path: '/:locale/programmes/:id',
    expect: everyone(200),
    prepare: async (context) => ({
      url: `/kk/programmes/${await first(context, `SELECT id AS value FROM programmes WHERE status = 'published' LIMIT 1`)}`,
    }),
  },
  {
    method: 'GET',
    path: '/:locale/institutions',
    expect: everyone(200),
    prepare: () => ({ url: '/ru/institutions' }),
  },
  {
    method: 'GET',
    path: '/:locale/institutions/:id',
    expect: everyone(200),
    prepare: async (context) => ({
      url: `/fr/institutions/${await first(context, `SELECT id AS value FROM institutions WHERE NOT is_home LIMIT 1`)}`,
    }),
  },
  { method: 'GET', path: '/:locale/news', expect: everyone(200), prepare: () => ({ url: '/en/news' }) },
  {
    method: 'GET',
    path: '/:locale/news/:slug',
    expect: everyone(200),
    prepare: async (context) => ({
      url: `/en/news/${await first(context, `SELECT slug AS value FROM news_articles WHERE status = 'published' LIMIT 1`)}`,
    }),
  },

  {
    method: 'GET',
    path: '/:locale/applications',
    expect: pageOnly(STUDENTS, 200),
    prepare: () => ({ url: '/en/applications' }),
  },
  {
    method: 'GET',
    path: '/:locale/applications/new',
    expect: pageOnly(STUDENTS, 200),
    prepare: () => ({ url: '/fr/applications/new' }),
  },
  // An empty form comes back with its errors.
  {
    method: 'POST',
    path: '/:locale/applications',
    expect: pageOnly(STUDENTS, 400),
    prepare: () => ({ url: '/en/applications', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/applications/:id',
    expect: { ...pageOnly(STUDENTS, 200), otherStudent: 404 },
    prepare: async (context) => ({ url: `/en/applications/${await studentDraft(context)}` }),
  },
  {
    method: 'GET',
    path: '/:locale/applications/:id/edit',
    expect: { ...pageOnly(STUDENTS, 200), otherStudent: 404 },
    prepare: async (context) => ({ url: `/ru/applications/${await studentDraft(context)}/edit` }),
  },
  {
    method: 'POST',
    path: '/:locale/applications/:id',
    expect: pageOnly(STUDENTS, 404),
    prepare: () => ({ url: `/en/applications/${unknown()}`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/applications/:id/submit',
    expect: pageOnly(STUDENTS, 404),
    prepare: () => ({ url: `/en/applications/${unknown()}/submit` }),
  },
  {
    method: 'GET',
    path: '/:locale/applications/:id/withdraw',
    expect: { ...pageOnly(STUDENTS, 200), otherStudent: 404 },
    prepare: async (context) => ({ url: `/kk/applications/${await studentDraft(context)}/withdraw` }),
  },
  {
    method: 'POST',
    path: '/:locale/applications/:id/withdraw',
    expect: pageOnly(STUDENTS, 404),
    prepare: () => ({ url: `/en/applications/${unknown()}/withdraw`, body: {} }),
  },

  // The answer to an approved place: the decline page asks once more; both forms answer 404 for
  // an application that is not the student's.
  {
    method: 'GET',
    path: '/:locale/applications/:id/decline',
    expect: { ...pageOnly(STUDENTS, 200), otherStudent: 404 },
    prepare: async (context) => ({ url: `/ru/applications/${await studentDraft(context)}/decline` }),
  },
  {
    method: 'POST',
    path: '/:locale/applications/:id/decline',
    expect: pageOnly(STUDENTS, 404),
    prepare: () => ({ url: `/en/applications/${unknown()}/decline`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/applications/:id/confirm',
    expect: pageOnly(STUDENTS, 404),
    prepare: () => ({ url: `/fr/applications/${unknown()}/confirm`, body: {} }),
  },

  {
    method: 'GET',
    path: '/:locale/profile',
    expect: pageOnly(SIGNED_IN, 200),
    prepare: () => ({ url: '/en/profile' }),
  },
  // An empty form (no names) comes back with its errors.
  {
    method: 'POST',
    path: '/:locale/profile',
    expect: pageOnly(SIGNED_IN, 400),
    prepare: () => ({ url: '/fr/profile', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/profile/data.json',
    expect: pageOnly(SIGNED_IN, 200),
    prepare: () => ({ url: '/en/profile/data.json' }),
  },
];
