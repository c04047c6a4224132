import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { TEST_PASSWORD } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { createDraft, startUi, UI_TIMEOUT, type UiHarness } from './support/ui-app.js';

const DAY = 24 * 60 * 60 * 1000;
const MOTIVATION =
  'Je souhaite suivre des cours de russe et de kazakh à Almaty et découvrir la traduction vers le français.';

describe('Student journey (Chromium)', () => {
  let ui: UiHarness;
  let almaty: { id: string; title: string };
  let astana: { id: string; title: string };
  const problems: string[] = [];

  /** axe and the raw-key check on the page as it is now; problems are asserted at the end. */
  const check = async (page: Page) => {
    problems.push(...(await accessibilityViolations(page)));
    problems.push(...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${page.url()}: raw key ${key}`));
  };

  beforeAll(async () => {
    ui = await startUi();
    const host = await insertInstitution(ui.t, {
      name: `Université d’Almaty ${randomUUID().slice(0, 4)}`,
      countryCode: 'KZ',
      city: 'Almaty',
    });
    const opens = new Date(Date.now() - DAY);
    const closes = new Date(Date.now() + 20 * DAY);
    const common = {
      academicYear: '2027/2028',
      term: 'autumn' as const,
      status: 'published' as const,
      applicationOpensAt: opens,
      applicationClosesAt: closes,
    };
    almaty = await insertProgramme(ui.t, host.id, {
      ...common,
      title: `Semestre de langues à Almaty ${randomUUID().slice(0, 4)}`,
      languageOfInstruction: 'ru',
      minLanguageLevel: 'B2',
    });
    astana = await insertProgramme(ui.t, host.id, {
      ...common,
      title: `Semestre de traduction à Astana ${randomUUID().slice(0, 4)}`,
    });
  }, UI_TIMEOUT);
  afterAll(async () => {
    await ui?.close();
  });

  it(
    'registers in French, applies with two ranked choices, sees what blocks, submits and follows the timeline',
    async () => {
      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'fr');
      const email = `etudiante-${randomUUID().slice(0, 8)}@student.umons.ac.be`;

      // From the programme page, "sign in to apply" leads to registration.
      await page.goto(`/fr/programmes/${almaty.id}`);
      await check(page);
      expect(await page.locator('h1').textContent()).toBe(almaty.title);
      await page.goto('/fr/register');
      await page.getByLabel('Prénom').fill('Camille');
      await page.getByLabel('Nom', { exact: true }).fill('Lambert');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      expect(new URL(page.url()).pathname).toBe('/fr/applications');
      expect(await page.locator('.notice').textContent()).toBe(
        'Votre compte est créé et vous êtes connecté·e.',
      );
      // Registered from the French pages: notifications in French.
      expect(
        await ui.t.dataSource.query(`SELECT preferred_locale FROM users WHERE email = $1`, [email]),
      ).toEqual([{ preferred_locale: 'fr' }]);
      await check(page);

      await page.getByRole('link', { name: 'Commencer une candidature' }).click();
      await check(page);
      await page
        .getByLabel('1er choix')
        .selectOption({ label: `${almaty.title} (Premier quadrimestre 2027/2028)` });
      await page
        .getByLabel('2e choix')
        .selectOption({ label: `${astana.title} (Premier quadrimestre 2027/2028)` });
      await page.getByLabel('Moyenne (facultatif)').fill('14,5');
      await page.getByLabel('Langue 1', { exact: true }).selectOption({ label: 'russe' });
      await page.getByLabel('Niveau en langue 1').selectOption('A2');
      await page.getByLabel('Motivation').fill('Trop court.');
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

      expect(await page.locator('.notice').textContent()).toBe('Votre brouillon est enregistré.');
      const blockers = await page.locator('.checklist .blocked').allTextContents();
      expect(blockers).toEqual([
        'Bloque l’envoi :Votre motivation est trop courte : 11 caractères, il en faut au moins 50.',
        `Bloque l’envoi :« ${almaty.title} » demande le niveau B2 ou plus en russe : ajoutez-le à vos langues.`,
      ]);
      expect(await page.getByRole('button', { name: 'Envoyer ma candidature' }).count()).toBe(0);
      await check(page);

      const [row] = await ui.t.dataSource.query(
        `SELECT a.id, a.status, a.grade_average::float AS grade,
              array_agg(c.programme_id ORDER BY c.rank) AS choices
         FROM applications a JOIN users u ON u.id = a.student_id JOIN application_choices c ON c.application_id = a.id
        WHERE u.email = $1 GROUP BY a.id`,
        [email],
      );
      expect(row).toMatchObject({ status: 'draft', grade: 14.5, choices: [almaty.id, astana.id] });

      await page.getByRole('link', { name: 'Modifier le brouillon' }).click();
      expect(await page.getByLabel('Moyenne (facultatif)').inputValue()).toBe('14.5');
      await page.getByLabel('Niveau en langue 1').selectOption('B2');
      await page.getByLabel('Motivation').fill(MOTIVATION);
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      expect(await page.locator('.checklist .blocked').count()).toBe(0);
      await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

      expect(await page.locator('.notice').textContent()).toBe('Votre candidature est envoyée.');
      expect(await page.locator('.status').first().textContent()).toBe('Envoyée');
      const timeline = await page.locator('.timeline li').allTextContents();
      expect(timeline).toHaveLength(2);
      expect(timeline[0]).toContain('Brouillon commencé (par Camille Lambert)');
      expect(timeline[1]).toContain('Brouillon → Envoyée (par Camille Lambert)');
      await check(page);

      const [after] = await ui.t.dataSource.query(
        `SELECT status, submitted_at IS NOT NULL AS submitted, motivation,
              (SELECT count(*)::int FROM application_events e WHERE e.application_id = a.id) AS events
         FROM applications a WHERE a.id = $1`,
        [row.id],
      );
      expect(after).toEqual({ status: 'submitted', submitted: true, motivation: MOTIVATION, events: 2 });

      // The list shows it with its next step.
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Mes candidatures' })
        .click();
      expect(await page.locator('.card').first().textContent()).toContain(
        'Attendez la décision des conseillers mobilité.',
      );
      expect(problems).toEqual([]);
      await context.close();
    },
    UI_TIMEOUT,
  );

  it(
    'gives the same result with JavaScript off, in English, and withdraws after a confirmation',
    async () => {
      const student = await ui.t.createUser('student', { firstName: 'Nurlan', lastName: 'Abenov' });
      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'en', { javaScriptEnabled: false });
      await page.goto(`/en/programmes/${astana.id}`);
      await page.getByRole('link', { name: 'Sign in to apply' }).click();
      await page.getByLabel('Email address').fill(student.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Back where they were going: the form with the programme chosen first.
      expect(new URL(page.url()).pathname).toBe('/en/applications/new');
      expect(await page.getByLabel('1st choice').inputValue()).toBe(astana.id);
      await page
        .getByLabel('Motivation')
        .fill('I would like to spend a semester in Astana to study translation and Kazakh.');
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await page.getByRole('button', { name: 'Submit my application' }).click();
      expect(await page.locator('.notice').textContent()).toBe('Your application is submitted.');

      await page.getByRole('link', { name: 'Withdraw this application' }).click();
      expect(await page.locator('h1').textContent()).toBe('Withdraw the application');
      await page.getByLabel('Why (kept in the history) (optional)').fill('I found an internship instead.');
      await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
      expect(await page.locator('.notice').textContent()).toBe('Your application is withdrawn.');

      const rows = await ui.t.dataSource.query(
        `SELECT a.status, e.comment FROM applications a
         JOIN application_events e ON e.application_id = a.id AND e.to_status = 'withdrawn'
        WHERE a.student_id = $1`,
        [student.id],
      );
      expect(rows).toEqual([{ status: 'withdrawn', comment: 'I found an internship instead.' }]);
      await context.close();
    },
    UI_TIMEOUT,
  );

  it(
    'shows another student’s application as the 404 page, and typed markup as text',
    async () => {
      const owner = await ui.t.createUser('student', {
        firstName: '<script>alert(1)</script>',
        lastName: 'Owner',
      });
      const created = await createDraft(ui, owner, {
        choices: [astana.id],
        motivation: '<script>document.title="pwned"</script><img src=x onerror=alert(2)>',
      });

      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'ru');
      await context.addCookies([{ name: 'portal_session', value: owner.token, url: ui.baseUrl }]);
      await page.goto(`/ru/applications/${created.id}`);
      expect(await page.locator('.motivation').textContent()).toBe(
        '<script>document.title="pwned"</script><img src=x onerror=alert(2)>',
      );
      expect(await page.locator('.motivation img').count()).toBe(0);
      expect(await page.locator('.account').textContent()).toContain('<script>alert(1)</script> Owner');
      expect(await page.title()).not.toContain('pwned');

      const intruder = await ui.t.createUser('student');
      await context.clearCookies();
      await context.addCookies([{ name: 'portal_session', value: intruder.token, url: ui.baseUrl }]);
      const response = await page.goto(`/ru/applications/${created.id}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
      expect(await page.content()).not.toContain('document.title');
      await context.close();
    },
    UI_TIMEOUT,
  );
});
