import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, UI_TIMEOUT, type UiHarness } from './support/ui-app.js';

describe('Pages: layout, languages, sign-in (Chromium)', () => {
  let ui: UiHarness;
  beforeAll(async () => {
    ui = await startUi();
  }, UI_TIMEOUT);
  afterAll(async () => {
    await ui?.close();
  });

  it(
    'sends / to the browser’s language, and the language switch keeps the page',
    async () => {
      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'ru');
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/ru');
      expect(await page.getAttribute('html', 'lang')).toBe('ru');
      await page.goto('/ru/sign-in?next=%2Fru');
      await page.getByRole('link', { name: 'Қазақша' }).click();
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/kk/sign-in?next=%2Fru');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Кіру');
      await context.close();
    },
    UI_TIMEOUT,
  );

  it(
    'registers in French, is signed in with an HttpOnly cookie, and signs out',
    async () => {
      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'fr');
      const email = `ui-${randomUUID().slice(0, 8)}@student.umons.ac.be`;
      await page.goto('/fr/register');
      await page.getByLabel('Prénom').fill('Marie');
      await page.getByLabel('Nom', { exact: true }).fill('Dupont');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill('short');
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      // Back with the error beside the field and in the summary; what was typed is kept.
      expect(await page.locator('.error-summary').textContent()).toContain('Au moins 10 caractères');
      expect(await page.getByLabel('Prénom').inputValue()).toBe('Marie');
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(email);
      await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();

      const rows = await ui.t.dataSource.query(`SELECT role, first_name FROM users WHERE email = $1`, [
        email,
      ]);
      expect(rows).toEqual([{ role: 'student', first_name: 'Marie' }]);
      const session = (await context.cookies()).find((cookie) => cookie.name === 'portal_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
      await page.goto('/fr');
      expect(await page.locator('.account').textContent()).toContain('Marie Dupont');

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      expect(await page.locator('.notice').textContent()).toBe('Vous êtes déconnecté·e.');
      expect(await page.locator('.account').textContent()).toContain('Se connecter');
      await context.close();
    },
    UI_TIMEOUT,
  );

  it(
    'signs in with JavaScript off and comes back to the page asked for',
    async () => {
      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'en', { javaScriptEnabled: false });
      const student = await ui.t.createUser('student', { firstName: 'Aigerim', lastName: 'Nurlanovna' });
      await page.goto('/en/sign-in?next=%2Fen%2Fsign-in');
      await page.getByLabel('Email address').fill(student.email);
      await page.getByLabel('Password').fill('wrong-password-123');
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(await page.locator('.error-summary').textContent()).toContain('incorrect');
      expect(await page.getByLabel('Email address').inputValue()).toBe(student.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(new URL(page.url()).pathname).toBe('/en/sign-in');
      expect(await page.locator('.account').textContent()).toContain('Aigerim Nurlanovna');
      await context.close();
    },
    UI_TIMEOUT,
  );

  it(
    'has checks that can fail: axe reports a violation, and a raw key is found',
    async () => {
      const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'en');
      await page.setContent('<html><body><img src="/x.png"><p>auth.signIn.title</p></body></html>');
      expect((await accessibilityViolations(page)).join('\n')).toMatch(/image-alt|html-has-lang/);
      expect(await rawKeysOn(page, ui.messageKeys)).toEqual(['auth.signIn.title']);
      await context.close();
    },
    UI_TIMEOUT,
  );

  it(
    'looks right narrow and wide (screenshots kept in .data/screenshots when UI_SCREENSHOTS is set)',
    async () => {
      for (const width of [360, 1280]) {
        const { context, page } = await newVisitor(ui.browser, ui.baseUrl, 'kk', { width });
        await page.goto('/kk/register');
        // Nothing wider than the viewport: no sideways scrolling on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        if (process.env.UI_SCREENSHOTS) {
          await page.screenshot({ path: `.data/screenshots/register-kk-${width}.png`, fullPage: true });
        }
        await context.close();
      }
    },
    UI_TIMEOUT,
  );
});
