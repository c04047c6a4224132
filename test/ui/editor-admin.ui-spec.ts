import { randomUUID } from 'node:crypto';
import { CreateNewsDto } from '../../src/news/dto/create-news.dto.js';
import { NewsService } from '../../src/news/news.service.js';
import { LOCALES, type Locale } from '../../src/web/locales.js';
import type { TestUser } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, type UiHarness } from './support/ui-app.js';

describe('Pages: the news desk and the admin pages (Chromium)', () => {
  let ui: UiHarness;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(async () => {
    await ui?.close();
  });

  async function signedIn(user: TestUser, locale: Locale, javaScriptEnabled = true) {
    const visitor = await newVisitor(ui.browser, ui.baseUrl, locale, { javaScriptEnabled });
    await visitor.context.addCookies([{ name: 'portal_session', value: user.token, url: ui.baseUrl }]);
    return visitor;
  }

  it('an editor writes an article with a preview and publishes it: on the home page and in the feed (French)', async () => {
    const editor = await ui.t.createUser('editor');
    const words = `Semaine internationale ${randomUUID().slice(0, 8)}`;
    const title = `${words} <script>alert(1)</script>`;
    const { context, page } = await signedIn(editor, 'fr');
    await page.goto('/fr/editor/news');
    await page.getByRole('link', { name: 'Rédiger un article' }).click();
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Résumé').fill('Une semaine d’échanges.');
    await page.getByLabel('Auteur').fill('Christophe Morel');
    await page.getByLabel('Catégories').fill('International, Recherche');
    await page.getByLabel('Texte').fill('**Bienvenue** à tous\n\n<script>document.title = "pwned"</script>');
    // htmx swaps the preview in place: the address stays the form's.
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await page.locator('#preview .article-body strong').waitFor();
    expect(await page.locator('#preview .article-body strong').textContent()).toBe('Bienvenue');
    expect(await page.locator('#preview script').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/fr/editor/news/new');

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await page.locator('.notice').textContent()).toBe('L’article est enregistré.');
    const [stored] = await ui.t.dataSource.query(
      'SELECT id, status, title, categories, created_by_id FROM news_articles WHERE title = $1',
      [title],
    );
    expect(stored).toMatchObject({ status: 'draft', title, categories: ['International', 'Recherche'] });
    expect(stored.created_by_id).toBe(editor.id);
    expect(new URL(page.url()).pathname).toBe(`/fr/editor/news/${stored.id}/edit`);

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    expect(await page.locator('.notice').textContent()).toBe('L’article est publié.');
    const [published] = await ui.t.dataSource.query(
      'SELECT status, published_at FROM news_articles WHERE id = $1',
      [stored.id],
    );
    expect(published.status).toBe('published');
    expect(published.published_at).not.toBeNull();
    // The typed markup is text in the list, never an element.
    expect(await page.locator('main table').textContent()).toContain(title);

    await page.goto('/fr');
    expect(await page.locator('main').textContent()).toContain(title);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');

    const feed = await (await fetch(`${ui.baseUrl}/api/news/feed.xml`)).text();
    expect(feed).toContain(words);
    expect(feed).not.toContain('<script>');
    await context.close();
  });

  it('the preview and the form errors work without JavaScript (English)', async () => {
    const editor = await ui.t.createUser('editor');
    const { context, page } = await signedIn(editor, 'en', false);
    await page.goto('/en/editor/news/new');
    await page.getByLabel('Title').fill('Kept title');
    await page.getByLabel('Text').fill('- one\n- two');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/editor/news/preview');
    expect(await page.locator('#preview li').allTextContents()).toEqual(['one', 'two']);
    expect(await page.getByLabel('Title').inputValue()).toBe('Kept title');

    await page.getByLabel('Author').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Enter Summary');
    expect(await page.locator('.error-summary').textContent()).toContain('Enter Author');
    expect(await page.getByLabel('Title').inputValue()).toBe('Kept title');
    const [{ count }] = await ui.t.dataSource.query(
      `SELECT count(*)::int AS count FROM news_articles WHERE title = 'Kept title'`,
    );
    expect(count).toBe(0);
    await context.close();
  });

  it('an admin deactivates a user whose open session then ends (Russian)', async () => {
    const admin = await ui.t.createUser('admin');
    const lastName = `Сериккызы${randomUUID().slice(0, 4)}`;
    const student = await ui.t.createUser('student', {
      firstName: 'Айгерим',
      lastName,
    });
    const victim = await signedIn(student, 'ru');
    expect((await victim.page.goto('/ru/notifications'))?.status()).toBe(200);

    const { context, page } = await signedIn(admin, 'ru');
    await page.goto('/ru/admin/users');
    await page.getByLabel('Имя или адрес эл. почты').fill(student.email);
    await page.getByRole('button', { name: 'Найти' }).click();
    // htmx puts the results in place and the filters in the address.
    await page.waitForURL(/q=/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: `Айгерим ${lastName}` }).click();
    await page.getByRole('button', { name: 'Отключить' }).click();
    expect(await page.locator('.notice').textContent()).toBe(
      'Учётная запись отключена; её сеансы завершены.',
    );
    const [row] = await ui.t.dataSource.query('SELECT active FROM users WHERE id = $1', [student.id]);
    expect(row.active).toBe(false);
    const [entry] = await ui.t.dataSource.query(
      `SELECT actor_id FROM audit_log WHERE action = 'user.deactivated' AND target_id = $1`,
      [student.id],
    );
    expect(entry.actor_id).toBe(admin.id);

    // The audit log, filtered on the account, shows the deactivation.
    await page.getByRole('link', { name: 'Записи журнала аудита об этой учётной записи' }).click();
    expect(await page.locator('tbody').textContent()).toContain('user.deactivated');

    await victim.page.reload();
    expect(new URL(victim.page.url()).pathname).toBe('/ru/sign-in');
    await victim.context.close();
    await context.close();
  });

  // One test per language: nine page types each, axe on every one (slow on a shared machine).
  it.each(LOCALES)(
    'has no accessibility violations, raw keys or CSP reports on any page type (%s)',
    async (locale) => {
      const admin = await ui.t.createUser('admin');
      const person = await ui.t.createUser('advisor');
      const { id: articleId } = await ui.t.app.get(NewsService).create(
        Object.assign(new CreateNewsDto(), {
          title: `Axe ${randomUUID()}`,
          summary: 'Summary',
          body: '# Heading\n\nText',
          authorName: 'Axe',
        }),
        admin.id,
      );
      const paths = [
        '/editor/news',
        '/editor/news?status=published',
        '/editor/news/new',
        `/editor/news/${articleId}/edit`,
        '/admin/users',
        '/admin/users/new',
        `/admin/users/${person.id}`,
        `/admin/users/${person.id}/erase`,
        '/admin/audit',
      ];
      const problems: string[] = [];
      {
        const { context, page, cspViolations } = await signedIn(admin, locale);
        for (const path of paths) {
          const response = await page.goto(`/${locale}${path}`);
          if (response?.status() !== 200) problems.push(`${locale}${path}: ${response?.status()}`);
          problems.push(...(await accessibilityViolations(page)).map((line) => `${locale}${path}: ${line}`));
          if (process.env.UI_SCREENSHOTS && (locale === 'fr' || locale === 'ru')) {
            const name = `${locale}${path.replace(/[^a-z]+/g, '-')}`;
            await page.screenshot({ path: `.data/screenshots/staff-${name}-wide.png`, fullPage: true });
            await page.setViewportSize({ width: 360, height: 800 });
            await page.screenshot({ path: `.data/screenshots/staff-${name}-narrow.png`, fullPage: true });
            await page.setViewportSize({ width: 1200, height: 900 });
          }
          problems.push(
            ...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${locale}${path}: raw key ${key}`),
          );
        }
        problems.push(...cspViolations);
        await context.close();
      }
      expect(problems).toEqual([]);
    },
  );
});
