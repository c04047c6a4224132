import { randomUUID } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Institution } from '../../src/institutions/institution.entity.js';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service.js';
import { REFERENCE_DATA_STEPS } from '../../src/reference-data/steps/index.js';
import { VISIT_ARTICLE } from '../../src/reference-data/steps/visit-article.step.js';
import { insertInstitution } from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const tag = () => randomUUID().slice(0, 8);

describe('News (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  let student: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    [editor, admin, student, coordinator] = await Promise.all([
      t.createUser('editor'),
      t.createUser('admin'),
      t.createUser('student'),
      t.createUser('coordinator'),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });
  // The articles a test made go after it, so no test reads another's. Only this suite's own: other
  // suites (the news desk pages among them) write articles into the same database at the same time.
  afterEach(async () => {
    await t.dataSource.query(`DELETE FROM news_articles WHERE created_by_id = ANY($1)`, [
      [editor, admin, student, coordinator].map((user) => user.id),
    ]);
  });

  /** A valid POST /api/news body. */
  const articleBody = (overrides: Record<string, unknown> = {}) => ({
    title: `Exchange week ${tag()}`,
    summary: 'A short summary.',
    body: 'Some **Markdown** text.',
    authorName: 'Test Editor',
    categories: ['International'],
    ...overrides,
  });

  async function createDraft(overrides: Record<string, unknown> = {}, token = editor.token) {
    const response = await t.http.post('/api/news', articleBody(overrides), { token });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function createPublished(overrides: Record<string, unknown> = {}, publishedAt?: string) {
    const draft = await createDraft(overrides);
    const response = await t.http.post(`/api/news/${draft.id}/publish`, publishedAt ? { publishedAt } : {}, {
      token: editor.token,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Every page of a list, following nextCursor. */
  async function allPages(query: Record<string, string | number>, token?: string) {
    const items: any[] = [];
    let cursor: string | undefined;
    do {
      const response = await t.http.get('/api/news', { token, query: { ...query, cursor } });
      expect(response.status).toBe(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  describe('the visit article (reference data)', () => {
    it('is listed to anonymous callers, published on 2026-01-14 by Christophe Morel', async () => {
      const response = await t.http.get('/api/news', { query: { limit: 100 } });
      expect(response.status).toBe(200);
      const visit = response.body.items.find((item: any) => item.title === VISIT_ARTICLE.title);
      expect(visit).toMatchObject({
        status: 'published',
        authorName: 'Christophe Morel',
        categories: ['International', 'Partnerships', 'Research'],
        summary: VISIT_ARTICLE.summary,
      });
      expect(visit.publishedAt).toMatch(/^2026-01-14T/);
      expect(visit.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(visit).not.toHaveProperty('body');
    });

    it('is related to UMONS and Al-Farabi Kazakh National University', async () => {
      const institutions = await t.dataSource
        .getRepository(Institution)
        .findBy([{ schacCode: 'umons.ac.be' }, { schacCode: 'kaznu.kz' }]);
      expect(institutions).toHaveLength(2);
      const list = await t.http.get('/api/news', { query: { q: 'Kazakhstan' } });
      const visit = list.body.items.find((item: any) => item.title === VISIT_ARTICLE.title);
      const byId = (a: string, b: string) => a.localeCompare(b);
      expect([...visit.relatedInstitutionIds].sort(byId)).toEqual(institutions.map((i) => i.id).sort(byId));
      for (const institution of institutions) {
        const filtered = await t.http.get('/api/news', { query: { institutionId: institution.id } });
        expect(filtered.body.items.map((item: any) => item.title)).toContain(VISIT_ARTICLE.title);
      }
    });

    it('is returned whole by its slug, with the facts of the visit in the body', async () => {
      const list = await t.http.get('/api/news', { query: { q: 'Vassilenko' } });
      const slug = list.body.items.find((item: any) => item.title === VISIT_ARTICLE.title).slug;
      const response = await t.http.get(`/api/news/${slug}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        slug,
        title: VISIT_ARTICLE.title,
        authorName: 'Christophe Morel',
        status: 'published',
      });
      expect(response.body.publishedAt).toMatch(/^2026-01-14T/);
      const html: string = response.body.bodyHtml;
      expect(html).toContain('<h2>');
      for (const fact of [
        '9 January 2026',
        'Roman Vassilenko',
        'Philippe Dubois',
        'Laurence Ris',
        'Christine Michaux',
        'Marta Bonet',
        'Daria Balandina',
        'SEPSOMS',
        'International Relations Office',
        'five UMONS students',
        'February 2026',
        'Al-Farabi Kazakh National University',
        'Faculty of Languages',
        'forty foreign or joint universities',
        'double-degree',
        'Materia Nova',
        'visit by UMONS authorities to Kazakhstan',
      ]) {
        expect(html).toContain(fact);
      }
    });

    it('is found by q=Kazakhstan, and by words of its body in any case or accent', async () => {
      for (const q of ['Kazakhstan', 'kazakhstan', 'Materia Nova', 'Vice-Rector', 'MATÉRIA']) {
        const response = await t.http.get('/api/news', { query: { q } });
        expect(response.status).toBe(200);
        expect(response.body.items.map((item: any) => item.title)).toContain(VISIT_ARTICLE.title);
      }
      const none = await t.http.get('/api/news', { query: { q: 'Kazakhstan -Vassilenko' } });
      expect(none.body.items.map((item: any) => item.title)).not.toContain(VISIT_ARTICLE.title);
    });

    it('is loaded once: loading the reference data again adds nothing', async () => {
      await t.app.get(ReferenceDataService).load(REFERENCE_DATA_STEPS);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM news_articles WHERE author_name = 'Christophe Morel' AND published_at::date = '2026-01-14'`,
      );
      expect(count).toBe(1);
    });
  });

  describe('publishing workflow', () => {
    it('keeps a draft invisible to anonymous callers until it is published, then unpublishes it', async () => {
      const draft = await createDraft();
      expect(draft).toMatchObject({ status: 'draft', publishedAt: null, title: expect.any(String) });

      expect((await t.http.get(`/api/news/${draft.slug}`)).status).toBe(404);
      expect((await t.http.get(`/api/news/${draft.slug}`, { token: student.token })).status).toBe(404);
      expect((await allPages({ limit: 100 })).map((item) => item.id)).not.toContain(draft.id);
      const feed = await t.http.get('/api/news/feed.xml');
      expect(feed.text).not.toContain(draft.title);

      // Editors and admins see it, by slug and in the list of drafts.
      const asEditor = await t.http.get(`/api/news/${draft.slug}`, { token: admin.token });
      expect(asEditor.status).toBe(200);
      expect(asEditor.body.status).toBe('draft');
      const drafts = await allPages({ status: 'draft', limit: 100 }, editor.token);
      expect(drafts.map((item) => item.id)).toContain(draft.id);
      expect(drafts.every((item) => item.status === 'draft')).toBe(true);

      const before = Date.now();
      const published = await t.http.post(`/api/news/${draft.id}/publish`, undefined, {
        token: editor.token,
      });
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');
      const publishedAt = new Date(published.body.publishedAt).getTime();
      expect(publishedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(publishedAt).toBeLessThanOrEqual(Date.now() + 1000);

      const visible = await t.http.get(`/api/news/${draft.slug}`);
      expect(visible.status).toBe(200);
      expect(visible.body.status).toBe('published');
      expect((await t.http.get('/api/news')).body.items[0].id).toBe(draft.id);
      expect((await allPages({ status: 'draft', limit: 100 }, editor.token)).map((i) => i.id)).not.toContain(
        draft.id,
      );

      const again = await t.http.post(`/api/news/${draft.id}/publish`, {}, { token: editor.token });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('NEWS_ALREADY_PUBLISHED');

      const unpublished = await t.http.post(`/api/news/${draft.id}/unpublish`, undefined, {
        token: admin.token,
      });
      expect(unpublished.status).toBe(200);
      expect(unpublished.body).toMatchObject({ status: 'draft', publishedAt: null });
      expect((await t.http.get(`/api/news/${draft.slug}`)).status).toBe(404);

      const unpublishedAgain = await t.http.post(
        `/api/news/${draft.id}/unpublish`,
        {},
        { token: admin.token },
      );
      expect(unpublishedAgain.status).toBe(409);
      expect(unpublishedAgain.body.code).toBe('NEWS_NOT_PUBLISHED');
    });

    it('publishes at a given past instant, and refuses a future or malformed one', async () => {
      const draft = await createDraft();
      const future = await t.http.post(
        `/api/news/${draft.id}/publish`,
        { publishedAt: new Date(Date.now() + 86_400_000).toISOString() },
        { token: editor.token },
      );
      expect(future.status).toBe(400);
      expect(future.body.fields.map((f: any) => f.field)).toEqual(['publishedAt']);
      for (const publishedAt of ['yesterday', '2026-01-14', '2026-01-14T10:00:00', 5]) {
        const bad = await t.http.post(
          `/api/news/${draft.id}/publish`,
          { publishedAt },
          { token: editor.token },
        );
        expect(bad.status).toBe(400);
        expect(JSON.stringify(bad.body.fields)).toContain('publishedAt');
      }
      const dated = await t.http.post(
        `/api/news/${draft.id}/publish`,
        { publishedAt: '2025-12-01T10:30:00+01:00' },
        { token: editor.token },
      );
      expect(dated.status).toBe(200);
      expect(dated.body.publishedAt).toBe('2025-12-01T09:30:00.000Z');
      const [row] = await t.dataSource.query(`SELECT status, published_at FROM news_articles WHERE id = $1`, [
        draft.id,
      ]);
      expect(row.status).toBe('published');
      expect(row.published_at.toISOString()).toBe('2025-12-01T09:30:00.000Z');
    });

    it('lets the database refuse a published article without a date', async () => {
      const draft = await createDraft();
      await expect(
        t.dataSource.query(`UPDATE news_articles SET status = 'published' WHERE id = $1`, [draft.id]),
      ).rejects.toThrow(/news_articles_published_has_date/);
    });

    it('settles concurrent publications in the database: one wins, the others get 409', async () => {
      const draft = await createDraft();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.http.post(`/api/news/${draft.id}/publish`, {}, { token: editor.token }),
        ),
      );
      expect(responses.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, 409, 409, 409, 409]);
    });

    it('edits a published article, rendering the new body; deletes an article for good', async () => {
      const article = await createPublished();
      const patched = await t.http.patch(
        `/api/news/${article.id}`,
        { body: 'New *text*', categories: ['Research'], summary: 'Changed' },
        { token: editor.token },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        status: 'published',
        body: 'New *text*',
        bodyHtml: '<p>New <em>text</em></p>',
        categories: ['Research'],
        summary: 'Changed',
        slug: article.slug,
        publishedAt: article.publishedAt,
      });

      const deleted = await t.http.delete(`/api/news/${article.id}`, { token: admin.token });
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect((await t.http.get(`/api/news/${article.slug}`)).status).toBe(404);
      expect((await t.http.delete(`/api/news/${article.id}`, { token: admin.token })).status).toBe(404);
      expect((await t.http.patch(`/api/news/${article.id}`, {}, { token: admin.token })).status).toBe(404);
      expect((await t.http.post(`/api/news/${article.id}/publish`, {}, { token: admin.token })).status).toBe(
        404,
      );
      const rows = await t.dataSource.query(`SELECT 1 FROM news_articles WHERE id = $1`, [article.id]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('who may write', () => {
    it('answers 403 to a student or coordinator creating news, 401 to anonymous, and stores nothing', async () => {
      const title = `Not allowed ${tag()}`;
      const asStudent = await t.http.post('/api/news', articleBody({ title }), { token: student.token });
      expect(asStudent.status).toBe(403);
      expect(asStudent.body.code).toBe('FORBIDDEN');
      expect(
        (await t.http.post('/api/news', articleBody({ title }), { token: coordinator.token })).status,
      ).toBe(403);
      expect((await t.http.post('/api/news', articleBody({ title }))).status).toBe(401);
      const rows = await t.dataSource.query(`SELECT 1 FROM news_articles WHERE title = $1`, [title]);
      expect(rows).toHaveLength(0);
    });

    it('answers 403 to a student changing, publishing or deleting an article', async () => {
      const draft = await createDraft();
      const token = student.token;
      expect((await t.http.patch(`/api/news/${draft.id}`, { title: 'Hacked' }, { token })).status).toBe(403);
      expect((await t.http.post(`/api/news/${draft.id}/publish`, {}, { token })).status).toBe(403);
      expect((await t.http.delete(`/api/news/${draft.id}`, { token })).status).toBe(403);
      const [row] = await t.dataSource.query(`SELECT title, status FROM news_articles WHERE id = $1`, [
        draft.id,
      ]);
      expect(row).toEqual({ title: draft.title, status: 'draft' });
    });

    it('shows drafts only to editors and admins: 401 anonymous, 403 other roles', async () => {
      const anonymous = await t.http.get('/api/news', { query: { status: 'draft' } });
      expect(anonymous.status).toBe(401);
      for (const user of [student, coordinator]) {
        const response = await t.http.get('/api/news', { token: user.token, query: { status: 'draft' } });
        expect(response.status).toBe(403);
      }
      const published = await t.http.get('/api/news', {
        token: student.token,
        query: { status: 'published' },
      });
      expect(published.status).toBe(200);
    });

    it('records the editor who created the article', async () => {
      const draft = await createDraft();
      const [row] = await t.dataSource.query(`SELECT created_by_id FROM news_articles WHERE id = $1`, [
        draft.id,
      ]);
      expect(row.created_by_id).toBe(editor.id);
    });
  });

  describe('safe rendering', () => {
    const hostile = [
      'Hello <script>alert("x")</script> world',
      '',
      '<img src="x" onerror="alert(1)">',
      '',
      '[click me](javascript:alert(document.cookie))',
      '',
      '<a href="javascript:alert(2)" onclick="alert(3)">raw link</a>',
      '',
      '[image](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '',
      '<script>',
      'document.location = "https://evil.example"',
      '</script>',
    ].join('\n');

    function expectSafe(html: string) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/onerror|onclick/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/data:/i);
      expect(html).not.toContain('evil.example');
    }

    it('renders a body holding <script>, onerror= and a javascript: link with none of them', async () => {
      const draft = await createDraft({ body: hostile });
      expectSafe(draft.bodyHtml);
      expect(draft.bodyHtml).toContain('click me');
      expect(draft.bodyHtml).toContain('raw link');
      expect(draft.body).toBe(hostile);
      const [row] = await t.dataSource.query(`SELECT body_html FROM news_articles WHERE id = $1`, [draft.id]);
      expect(row.body_html).toBe(draft.bodyHtml);
    });

    it('sanitizes a body changed by PATCH too, and gives links rel="noopener noreferrer"', async () => {
      const draft = await createDraft();
      const patched = await t.http.patch(
        `/api/news/${draft.id}`,
        { body: `${hostile}\n\n[UMONS](https://web.umons.ac.be)` },
        { token: editor.token },
      );
      expect(patched.status).toBe(200);
      expectSafe(patched.body.bodyHtml);
      expect(patched.body.bodyHtml).toContain(
        '<a href="https://web.umons.ac.be" rel="noopener noreferrer">UMONS</a>',
      );
    });
  });

  describe('slugs', () => {
    it('makes an ASCII slug from the title, numbering repeats -2, -3', async () => {
      const title = `Échange à Almaty ${tag()}`;
      const first = await createDraft({ title });
      const second = await createDraft({ title });
      const third = await createDraft({ title });
      const base = title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
      expect(base).toMatch(/^echange-a-almaty-/);
      expect([first.slug, second.slug, third.slug]).toEqual([base, `${base}-2`, `${base}-3`]);
    });

    it('gives concurrent articles of one title distinct slugs', async () => {
      const title = `Same title ${tag()}`;
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          t.http.post('/api/news', articleBody({ title }), { token: editor.token }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(responses.map((r) => r.body.slug)).size).toBe(4);
    });

    it('keeps the slug when the title changes, and changes it only when asked', async () => {
      const draft = await createDraft();
      const retitled = await t.http.patch(
        `/api/news/${draft.id}`,
        { title: 'Another title' },
        { token: editor.token },
      );
      expect(retitled.body).toMatchObject({ title: 'Another title', slug: draft.slug });

      const slug = `chosen-${tag()}`;
      const moved = await t.http.patch(`/api/news/${draft.id}`, { slug }, { token: editor.token });
      expect(moved.status).toBe(200);
      expect(moved.body.slug).toBe(slug);
      expect((await t.http.get(`/api/news/${slug}`, { token: editor.token })).status).toBe(200);
      expect((await t.http.get(`/api/news/${draft.slug}`, { token: editor.token })).status).toBe(404);
    });

    it('answers 409 NEWS_SLUG_TAKEN for a chosen slug that another article has', async () => {
      const taken = await createDraft();
      const created = await t.http.post('/api/news', articleBody({ slug: taken.slug }), {
        token: editor.token,
      });
      expect(created.status).toBe(409);
      expect(created.body.code).toBe('NEWS_SLUG_TAKEN');
      expect(created.body.fields.map((f: any) => f.field)).toEqual(['slug']);

      const other = await createDraft();
      const patched = await t.http.patch(
        `/api/news/${other.id}`,
        { slug: taken.slug },
        { token: editor.token },
      );
      expect(patched.status).toBe(409);
      expect(patched.body.code).toBe('NEWS_SLUG_TAKEN');
    });

    it('refuses a slug that is not lower-case ASCII words joined by hyphens', async () => {
      for (const slug of ['Upper-Case', 'two--hyphens', 'trailing-', 'ünïcode', 'with space', '']) {
        const response = await t.http.post('/api/news', articleBody({ slug }), { token: editor.token });
        expect(response.status).toBe(400);
        expect(response.body.fields.map((f: any) => f.field)).toContain('slug');
      }
    });
  });

  describe('input', () => {
    it('names each missing or bad field, and refuses unknown ones', async () => {
      const empty = await t.http.post('/api/news', {}, { token: editor.token });
      expect(empty.status).toBe(400);
      expect(empty.body.fields.map((f: any) => f.field).sort()).toEqual(
        ['authorName', 'body', 'summary', 'title'].sort(),
      );
      const unknown = await t.http.post('/api/news', articleBody({ status: 'published' }), {
        token: editor.token,
      });
      expect(unknown.status).toBe(400);
      const badCategories = await t.http.post('/api/news', articleBody({ categories: ['A', 'A'] }), {
        token: editor.token,
      });
      expect(badCategories.status).toBe(400);
      expect(badCategories.body.fields[0].field).toBe('categories');
      const blankBody = await t.http.post('/api/news', articleBody({ body: '   ' }), { token: editor.token });
      expect(blankBody.status).toBe(400);
    });

    it('refuses null for a field in PATCH, and an unknown institution', async () => {
      const draft = await createDraft();
      const nulled = await t.http.patch(`/api/news/${draft.id}`, { title: null }, { token: editor.token });
      expect(nulled.status).toBe(400);
      expect(nulled.body.fields[0].field).toBe('title');
      for (const field of ['categories', 'relatedInstitutionIds', 'slug']) {
        const response = await t.http.patch(
          `/api/news/${draft.id}`,
          { [field]: null },
          { token: editor.token },
        );
        expect(response.status).toBe(400);
        expect(response.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
      }
      const unchanged = await t.http.get(`/api/news/${draft.slug}`, { token: editor.token });
      expect(unchanged.body).toMatchObject({
        slug: draft.slug,
        categories: draft.categories,
        relatedInstitutionIds: draft.relatedInstitutionIds,
      });
      const unknown = await t.http.post('/api/news', articleBody({ relatedInstitutionIds: [randomUUID()] }), {
        token: editor.token,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields.map((f: any) => f.field)).toEqual(['relatedInstitutionIds']);
      const notUuid = await t.http.get('/api/news', { query: { institutionId: 'nope' } });
      expect(notUuid.status).toBe(400);
      expect((await t.http.patch('/api/news/not-a-uuid', {}, { token: editor.token })).status).toBe(400);
    });
  });

  describe('lists', () => {
    it('orders published articles newest first in keyset pages, filtered by category, institution and q', async () => {
      const category = `Cat-${tag()}`;
      const institution = await insertInstitution(t);
      const dates = ['2025-03-01T10:00:00.000Z', '2025-05-01T10:00:00.000Z', '2025-04-01T10:00:00.000Z'];
      const articles = [];
      for (const [index, date] of dates.entries()) {
        articles.push(
          await createPublished(
            {
              categories: [category, 'Research'],
              relatedInstitutionIds: index === 0 ? [institution.id] : [],
              body: index === 2 ? 'A seminar on glaciology in the steppe.' : 'Plain news.',
            },
            date,
          ),
        );
      }
      await createDraft({ categories: [category] });

      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const response = await t.http.get('/api/news', { query: { category, limit: 1, cursor } });
        expect(response.status).toBe(200);
        pages.push(response.body.items.map((item: any) => item.publishedAt));
        cursor = response.body.nextCursor ?? undefined;
      } while (cursor);
      expect(pages).toEqual([[dates[1]], [dates[2]], [dates[0]]]);

      const byInstitution = await t.http.get('/api/news', { query: { institutionId: institution.id } });
      expect(byInstitution.body.items.map((item: any) => item.id)).toEqual([articles[0].id]);
      expect(byInstitution.body.items[0].relatedInstitutionIds).toEqual([institution.id]);

      const searched = await t.http.get('/api/news', { query: { category, q: 'glaciology' } });
      expect(searched.body.items.map((item: any) => item.id)).toEqual([articles[2].id]);

      const otherCategory = await t.http.get('/api/news', { query: { category: `${category}-none` } });
      expect(otherCategory.body).toEqual({ items: [], nextCursor: null });
    });

    it('replaces the related institutions on PATCH, and lists them', async () => {
      const [first, second] = await Promise.all([insertInstitution(t), insertInstitution(t)]);
      const draft = await createDraft({ relatedInstitutionIds: [first.id] });
      expect(draft.relatedInstitutionIds).toEqual([first.id]);
      const patched = await t.http.patch(
        `/api/news/${draft.id}`,
        { relatedInstitutionIds: [second.id] },
        { token: editor.token },
      );
      expect(patched.status).toBe(200);
      expect(patched.body.relatedInstitutionIds).toEqual([second.id]);
      expect(new Date(patched.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(draft.updatedAt).getTime(),
      );
      const rows = await t.dataSource.query(
        `SELECT institution_id FROM news_article_institutions WHERE article_id = $1`,
        [draft.id],
      );
      expect(rows).toEqual([{ institution_id: second.id }]);
      const cleared = await t.http.patch(
        `/api/news/${draft.id}`,
        { relatedInstitutionIds: [] },
        { token: editor.token },
      );
      expect(cleared.body.relatedInstitutionIds).toEqual([]);
    });

    it('lists every published article exactly once across pages', async () => {
      // Five of its own, two of them published at the same instant (the id breaks the tie).
      for (const publishedAt of [
        '2026-04-01T08:00:00.000Z',
        '2026-04-02T08:00:00.000Z',
        '2026-04-02T08:00:00.000Z',
        '2026-04-03T08:00:00.000Z',
        '2026-04-04T08:00:00.000Z',
      ]) {
        await createPublished({}, publishedAt);
      }
      // Other suites publish at the same time: the walk must match a count taken before and after it.
      const publishedCount = async (): Promise<number> =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS count FROM news_articles WHERE status = 'published'`,
          )
        )[0].count;
      let all: any[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const before = await publishedCount();
        all = await allPages({ limit: 2 });
        if (before === (await publishedCount())) {
          expect(all.length).toBe(before);
          break;
        }
      }
      expect(all.length).toBeGreaterThanOrEqual(6);
      const ids = all.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      const times = all.map((item) => new Date(item.publishedAt).getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('refuses a cursor it did not give out', async () => {
      const response = await t.http.get('/api/news', { query: { cursor: 'garbage' } });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f: any) => f.field)).toEqual(['cursor']);
    });
  });

  describe('caching', () => {
    it('answers a repeated GET carrying the ETag with 304 and no body, for the list, an article and the feed', async () => {
      const article = await createPublished();
      for (const url of ['/api/news', `/api/news/${article.slug}`, '/api/news/feed.xml']) {
        const first = await t.http.get(url);
        expect(first.status).toBe(200);
        const etag = first.headers.etag;
        expect(etag).toMatch(/^"[\w-]+"$/);
        expect(first.headers['cache-control']).toBe('no-cache');

        const repeated = await t.http.get(url, { headers: { 'if-none-match': etag } });
        expect(repeated.status).toBe(304);
        expect(repeated.text).toBe('');
        expect(repeated.headers.etag).toBe(etag);

        const weak = await t.http.get(url, { headers: { 'if-none-match': `"other", W/${etag}` } });
        expect(weak.status).toBe(304);

        const stale = await t.http.get(url, { headers: { 'if-none-match': '"something-else"' } });
        expect(stale.status).toBe(200);
        expect(stale.text).toBe(first.text);
      }
    });

    it('changes the ETag when the content changes', async () => {
      const article = await createPublished();
      const before = await t.http.get(`/api/news/${article.slug}`);
      await t.http.patch(`/api/news/${article.id}`, { summary: 'Updated summary' }, { token: editor.token });
      const after = await t.http.get(`/api/news/${article.slug}`, {
        headers: { 'if-none-match': before.headers.etag },
      });
      expect(after.status).toBe(200);
      expect(after.body.summary).toBe('Updated summary');
      expect(after.headers.etag).not.toBe(before.headers.etag);
    });
  });

  describe('RSS feed', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

    async function readFeed() {
      const response = await t.http.get('/api/news/feed.xml');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(XMLValidator.validate(response.text)).toBe(true);
      const document = parser.parse(response.text);
      const items = [document.rss.channel.item ?? []].flat();
      return { document, items };
    }

    it('parses as RSS 2.0 and lists the visit article, linking to it', async () => {
      const { document, items } = await readFeed();
      expect(document.rss['@version']).toBe('2.0');
      expect(document.rss.channel.title).toEqual(expect.any(String));
      const visit = items.find((item: any) => item.title === VISIT_ARTICLE.title);
      expect(visit).toBeDefined();
      const list = await t.http.get('/api/news', { query: { q: 'Vassilenko' } });
      const slug = list.body.items.find((item: any) => item.title === VISIT_ARTICLE.title).slug;
      expect(visit.link).toBe(`http://localhost:3000/api/news/${slug}`);
      expect(new Date(visit.pubDate).toISOString()).toMatch(/^2026-01-14T/);
      expect(visit.description).toBe(VISIT_ARTICLE.summary);
      expect([visit.category].flat()).toEqual(['International', 'Partnerships', 'Research']);
      expect(visit['content:encoded']).toContain('Materia Nova');

      // The link leads to the article.
      const followed = await t.http.get(new URL(visit.link).pathname);
      expect(followed.status).toBe(200);
      expect(followed.body.title).toBe(VISIT_ARTICLE.title);
    });

    it('sanitises everything an editor typed before it reaches the feed: no markup in a title, summary, author or category', async () => {
      const marker = tag();
      const article = await createPublished({
        title: `Partners ${marker} <script>alert(1)</script><b>meet</b>`,
        summary: `Summary ${marker} <img src=x onerror=alert(1)> & more`,
        authorName: 'Editor <svg onload=alert(1)>Name</svg>',
        categories: ['International', '<img src=y onerror=alert(2)>Research'],
      });
      const response = await t.http.get('/api/news/feed.xml');
      const { items } = await readFeed();
      // Nothing in the raw document can become a tag or a handler, inside CDATA or out.
      expect(response.text).not.toMatch(/<(img|script|svg|b)[\s>]/i);
      expect(response.text).not.toMatch(/&lt;(img|script|svg)/i);
      expect(response.text).not.toMatch(/onerror|onload|alert\(/);
      const item = items.find((entry: any) => String(entry.title).includes(marker));
      expect(item).toBeDefined();
      expect(item.title).toBe(`Partners ${marker} meet`);
      expect(item.description).toBe(`Summary ${marker}  &amp; more`);
      expect(item.author).toBe('Editor Name');
      expect([item.category].flat()).toEqual(['International', 'Research']);
      // The article itself keeps what the editor typed (the JSON API is not HTML).
      expect(article.summary).toContain('<img src=x onerror=alert(1)>');
    });

    it('holds the latest 20 published articles, newest first', async () => {
      for (let day = 1; day <= 21; day += 1) {
        await createPublished({}, `2026-0${day <= 9 ? 2 : 3}-${String((day % 9) + 10)}T08:00:00.000Z`);
      }
      const { items } = await readFeed();
      expect(items).toHaveLength(20);
      const dates = items.map((item: any) => new Date(item.pubDate).getTime());
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM news_articles WHERE status = 'published'`,
      );
      expect(count).toBeGreaterThan(20);
      // Another suite may publish meanwhile: compare the feed with a list that did not change around it.
      const latestTitles = async (): Promise<string[]> =>
        (await t.http.get('/api/news', { query: { limit: 20 } })).body.items.map((item: any) => item.title);
      let feedTitles: string[] = [];
      let listTitles: string[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const before = await latestTitles();
        feedTitles = (await readFeed()).items.map((item: any) => item.title);
        listTitles = await latestTitles();
        if (before.join('\n') === listTitles.join('\n')) break;
      }
      expect(feedTitles).toEqual(listTitles);
    });
  });
});
