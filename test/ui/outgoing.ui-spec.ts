import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ApplicationsService } from '../../src/applications/applications.service.js';
import type { AuthUser } from '../../src/auth/auth-user.js';
import type { Locale } from '../../src/web/locales.js';
import {
  MOTIVATION,
  outgoingWorld,
  worldProgramme,
  type OutgoingWorld,
} from '../support/outgoing-fixtures.js';
import type { TestUser } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, type UiHarness } from './support/ui-app.js';

/** Outgoing mobilities in the browser: the student's answer, the office's pages, the partner's home. */
describe('Outgoing mobilities and partner pages (Chromium)', () => {
  let ui: UiHarness;
  let world: OutgoingWorld;
  let advisor: TestUser;
  const problems: string[] = [];

  beforeAll(async () => {
    ui = await startUi();
    world = await outgoingWorld(ui.t);
    advisor = await ui.t.createUser('advisor');
  });
  afterAll(async () => {
    await ui?.close();
  });

  const asAuth = (user: TestUser, fields: Partial<AuthUser> = {}): AuthUser => ({
    id: user.id,
    email: user.email,
    role: user.role,
    firstName: 'Test',
    lastName: 'User',
    homeFacultyId: null,
    institutionId: null,
    ...fields,
  });

  /** A student of the test's own with an approved place (through the service, the pages' path). */
  async function approvedStudent(lastName: string) {
    const student = await ui.t.createUser('student', {
      homeFacultyId: world.eii.id,
      studyLevel: 'master',
      lastName,
    });
    const programme = await worldProgramme(ui.t, world);
    const applications = ui.t.app.get(ApplicationsService);
    const self = asAuth(student, { homeFacultyId: world.eii.id });
    const draft = await applications.create(self, {
      choices: [programme.id],
      motivation: MOTIVATION,
      languageSkills: [{ language: 'ru', cefrLevel: 'B2' }],
    });
    await applications.submit(self, draft.id);
    await applications.decide(asAuth(advisor), draft.id, { outcome: 'approve' });
    return { student, applicationId: draft.id };
  }

  async function visitor(user: TestUser, locale: Locale, javaScriptEnabled = true) {
    const opened = await newVisitor(ui.browser, ui.baseUrl, locale, { javaScriptEnabled });
    await opened.context.addCookies([{ name: 'portal_session', value: user.token, url: ui.baseUrl }]);
    return opened;
  }

  async function check(page: Page, label: string) {
    problems.push(...(await accessibilityViolations(page)).map((line) => `${label}: ${line}`));
    problems.push(...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${label}: raw key ${key}`));
  }

  it('a student confirms the place in English: the deadline, EWP’s two facts, then the mobility on the page', async () => {
    const { student, applicationId } = await approvedStudent(`Abenova ${randomUUID().slice(0, 6)}`);
    const { context, page } = await visitor(student, 'en');
    await page.goto(`/en/applications/${applicationId}`);
    expect(await page.locator('#place-title').textContent()).toBe('Your answer to the place');
    expect(await page.getByText(/Confirm or decline before/).count()).toBe(1);
    await check(page, 'en application approved');
    await page.getByLabel('Birth date (optional)').fill('2003-05-14');
    await page.getByLabel('Citizenship (optional)').fill('kz');
    await page.getByRole('button', { name: 'Confirm my place' }).click();
    expect(await page.locator('.notice').textContent()).toBe(
      'Your place is confirmed: your nomination is on its way to the host.',
    );
    expect(await page.locator('#mobility-title').textContent()).toBe('Your mobility');
    expect(await page.locator('section[aria-labelledby=mobility-title]').textContent()).toContain(
      world.host.name,
    );
    await check(page, 'en application confirmed');
    expect(
      await ui.t.dataSource.query(
        `SELECT status, citizenship, birth_date::text AS birth_date FROM outgoing_mobilities WHERE application_id = $1`,
        [applicationId],
      ),
    ).toEqual([{ status: 'nomination', citizenship: 'KZ', birth_date: '2003-05-14' }]);
    // The decline page of another approved place, in Kazakh.
    const other = await approvedStudent(`Omarova ${randomUUID().slice(0, 6)}`);
    const kk = await visitor(other.student, 'kk');
    await kk.page.goto(`/kk/applications/${other.applicationId}/decline`);
    await check(kk.page, 'kk decline');
    await kk.context.close();
    await context.close();
  });

  it('the office finds the mobility in French and opens it: EWP fields, the allowed step, the XML link', async () => {
    const lastName = `Tulegenova${randomUUID().slice(0, 6)}`;
    const { student, applicationId } = await approvedStudent(lastName);
    await ui.t.app.get(ApplicationsService).confirm(asAuth(student), applicationId, {});
    const coordinator = await ui.t.createUser('coordinator');
    const { context, page } = await visitor(coordinator, 'fr');
    await page.goto('/fr/outgoing');
    await check(page, 'fr outgoing list');
    await page.getByLabel('Nom, adresse e-mail ou identifiant étudiant').fill(lastName);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/q=/);
    await page.locator('#results tbody tr').first().waitFor();
    expect(await page.locator('#results tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: new RegExp(lastName) }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(lastName);
    expect(await page.locator('main').textContent()).toContain('2025/2026-2/2');
    expect(await page.getByRole('button', { name: 'Annuler la mobilité' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Document EWP (XML)' }).count()).toBe(1);
    await check(page, 'fr outgoing page');
    await context.close();
  });

  it('a partner answers a nomination and nominates a student in Russian', async () => {
    const lastName = `Ibraeva${randomUUID().slice(0, 6)}`;
    const { student, applicationId } = await approvedStudent(lastName);
    await ui.t.app.get(ApplicationsService).confirm(asAuth(student), applicationId, {});
    const partner = await ui.t.createUser('partner', { institutionId: world.host.id });
    const { context, page } = await visitor(partner, 'ru');
    await page.goto('/ru/partner');
    await check(page, 'ru partner home');
    // The student's name opens the nomination (the row's other link opens the learning agreement).
    await page.getByRole('link', { name: `Student ${lastName}`, exact: true }).click();
    await check(page, 'ru partner nomination');
    await page.getByRole('button', { name: 'Отклонить номинацию' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Укажите причину отказа.');
    await page.getByRole('button', { name: 'Принять номинацию' }).click();
    expect(await page.locator('.notice').textContent()).toBe('Номинация принята.');
    expect(
      await ui.t.dataSource.query(
        `SELECT verification_status FROM outgoing_mobilities WHERE application_id = $1`,
        [applicationId],
      ),
    ).toEqual([{ verification_status: 'verified' }]);

    await page.goto('/ru/partner/nominate');
    await check(page, 'ru partner nominate');
    const email = `nominee-${randomUUID().slice(0, 8)}@kaznu.test`;
    await page.getByLabel('Имя', { exact: true }).fill('Дана');
    await page.getByLabel('Фамилия').fill('Ермекова');
    await page.getByLabel('Эл. почта').fill(email);
    await page.getByLabel('Факультет у нас').selectOption(world.eii.id);
    await page.getByLabel('Учебный год').selectOption('2026/2027');
    await page.getByLabel('Семестр').selectOption('autumn');
    await page.getByLabel('Планируемый приезд').fill('2026-09-14');
    await page.getByLabel('Планируемый отъезд').fill('2027-01-31');
    await page.getByRole('button', { name: 'Номинировать студента' }).click();
    expect(await page.locator('.notice').textContent()).toBe('Студент номинирован.');
    expect(await page.locator('main').textContent()).toContain('Ермекова');
    expect(
      await ui.t.dataSource.query(
        `SELECT status, home_institution_id FROM incoming_mobilities WHERE email = $1`,
        [email],
      ),
    ).toEqual([{ status: 'nominated', home_institution_id: world.host.id }]);
    await context.close();
  });

  it('found no accessibility violation nor raw message key on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
