import { LOCALES } from '../../src/web/locales.js';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { createDraft, startUi, UI_TIMEOUT, type UiHarness } from './support/ui-app.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every page type of anyone and of students, in each of the four languages: zero WCAG 2.2 AA
 * violations (axe-core), no raw message key, no Content-Security-Policy report.
 */
describe('Accessibility of every page type in fr, en, ru, kk (Chromium, axe-core)', () => {
  let ui: UiHarness;
  let anyone: string[];
  let students: string[];
  let studentToken: string;

  beforeAll(async () => {
    ui = await startUi();
    const host = await insertInstitution(ui.t, { countryCode: 'KZ', city: 'Almaty' });
    const programme = await insertProgramme(ui.t, host.id, {
      status: 'published',
      academicYear: '2030/2031',
      term: 'autumn',
      applicationOpensAt: new Date(Date.now() - DAY),
      applicationClosesAt: new Date(Date.now() + 10 * DAY),
      languageOfInstruction: 'ru',
      minLanguageLevel: 'B1',
    });
    const student = await ui.t.createUser('student', { firstName: 'Aruzhan', lastName: 'Seitkali' });
    studentToken = student.token;
    const draft = await createDraft(ui, student, {
      choices: [programme.id],
      motivation: 'Short',
      languageSkills: [{ language: 'ru', cefrLevel: 'A2' }],
    });
    const [{ slug }] = await ui.t.dataSource.query(
      `SELECT slug FROM news_articles WHERE status = 'published' LIMIT 1`,
    );

    anyone = [
      '',
      '/programmes',
      '/programmes?q=zzzz-nothing',
      `/programmes/${programme.id}`,
      '/institutions',
      `/institutions/${host.id}`,
      '/news',
      `/news/${slug}`,
      '/sign-in',
      '/register',
      '/no-such-page',
    ];
    students = [
      '/applications',
      '/applications/new',
      `/applications/${draft.id}`,
      `/applications/${draft.id}/edit`,
      `/applications/${draft.id}/withdraw`,
      '/profile',
    ];
  }, UI_TIMEOUT);
  afterAll(async () => {
    await ui?.close();
  });

  it.each(LOCALES)(
    'has no violation, raw key or CSP report on any page in %s',
    async (locale) => {
      const problems: string[] = [];
      let checked = 0;
      {
        const { context, page, cspViolations } = await newVisitor(ui.browser, ui.baseUrl, locale);
        const sweep = async (paths: string[]) => {
          for (const path of paths) {
            const response = await page.goto(`/${locale}${path}`);
            if (response?.status() !== (path === '/no-such-page' ? 404 : 200)) {
              problems.push(`/${locale}${path}: status ${response?.status()}`);
            }
            if ((await page.getAttribute('html', 'lang')) !== locale)
              problems.push(`/${locale}${path}: lang`);
            problems.push(...(await accessibilityViolations(page)));
            problems.push(
              ...(await rawKeysOn(page, ui.messageKeys)).map((key) => `/${locale}${path}: raw key ${key}`),
            );
            checked += 1;
          }
        };
        await sweep(anyone);
        // A form sent back with its errors (summary, messages beside the fields).
        await page.goto(`/${locale}/register`);
        await page.locator('form[action$="/register"] button[type=submit]').click();
        problems.push(...(await accessibilityViolations(page)));
        await context.addCookies([{ name: 'portal_session', value: studentToken, url: ui.baseUrl }]);
        await sweep(students);
        await page.goto(`/${locale}/applications/new`);
        await page.locator('form[action$="/applications"] button[type=submit]').click();
        if ((await page.locator('.error-summary').count()) !== 1)
          problems.push(`/${locale}/applications: no error summary`);
        problems.push(...(await accessibilityViolations(page)));
        problems.push(...cspViolations);
        await context.close();
      }
      expect(checked).toBe(anyone.length + students.length);
      expect(problems).toEqual([]);
    },
    UI_TIMEOUT,
  );
});
