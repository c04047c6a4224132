import { randomUUID } from 'node:crypto';
import { everyone, only, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const WRITERS: Caller[] = ['editor', 'admin'];

/** One draft article per matrix run: editors and admins read it by slug (200), everyone else gets 404. */
const drafts = new WeakMap<MatrixContext, Promise<string>>();
function draftSlug(context: MatrixContext): Promise<string> {
  let slug = drafts.get(context);
  if (!slug) {
    slug = context.t.dataSource
      .query(
        `INSERT INTO news_articles (slug, title, summary, body, body_html, author_name)
         VALUES ($1, 'Matrix draft', 'A draft', 'Draft body', '<p>Draft body</p>', 'Matrix') RETURNING slug`,
        [`matrix-draft-${randomUUID()}`],
      )
      .then((rows: Array<{ slug: string }>) => rows[0].slug);
    drafts.set(context, slug);
  }
  return slug;
}

const unknownArticle = (suffix = '') => `/api/news/${randomUUID()}${suffix}`;

/** News: public reading, editors' writing. */
export const newsRows: MatrixRow[] = [
  { method: 'GET', path: '/api/news', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/news',
    expect: only(WRITERS, 200),
    prepare: () => ({ query: { status: 'draft' } }),
  },
  { method: 'GET', path: '/api/news/feed.xml', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/news/:slug',
    expect: { ...everyone(404), editor: 200, admin: 200 },
    prepare: async (context) => ({ url: `/api/news/${await draftSlug(context)}` }),
  },
  { method: 'POST', path: '/api/news', expect: only(WRITERS, 400), prepare: () => ({ body: {} }) },
  {
    method: 'PATCH',
    path: '/api/news/:id',
    expect: only(WRITERS, 404),
    prepare: () => ({ url: unknownArticle(), body: {} }),
  },
  {
    method: 'POST',
    path: '/api/news/:id/publish',
    expect: only(WRITERS, 404),
    prepare: () => ({ url: unknownArticle('/publish'), body: {} }),
  },
  {
    method: 'POST',
    path: '/api/news/:id/unpublish',
    expect: only(WRITERS, 404),
    prepare: () => ({ url: unknownArticle('/unpublish'), body: {} }),
  },
  {
    method: 'DELETE',
    path: '/api/news/:id',
    expect: only(WRITERS, 404),
    prepare: () => ({ url: unknownArticle() }),
  },
];
