import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ApplicationsService } from '../../src/applications/applications.service.js';
import type { AuthUser } from '../../src/auth/auth-user.js';
import { LearningAgreementsService } from '../../src/learning-agreements/learning-agreements.service.js';
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

/** The learning-agreement edit page in the browser: a student's tables in Kazakh, a coordinator's changes in English. */
describe('Learning agreement edit page (Chromium)', () => {
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

  /** A student of the test's own with a confirmed mobility (through the services, the pages' path). */
  async function confirmedStudent(lastName: string) {
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
    await applications.confirm(self, draft.id, {});
    const [row] = (await ui.t.dataSource.query(
      `SELECT id, term FROM outgoing_mobilities WHERE application_id = $1`,
      [draft.id],
    )) as Array<{ id: string; term: string }>;
    return { student, self, mobilityId: row.id, term: row.term };
  }

  async function visitor(user: TestUser, locale: Locale, width?: number) {
    const opened = await newVisitor(ui.browser, ui.baseUrl, locale, { width });
    await opened.context.addCookies([{ name: 'portal_session', value: user.token, url: ui.baseUrl }]);
    return opened;
  }

  async function check(page: Page, label: string) {
    problems.push(...(await accessibilityViolations(page)).map((line) => `${label}: ${line}`));
    problems.push(...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${label}: raw key ${key}`));
  }

  /** The content the service reads now. */
  const agreementOf = (self: AuthUser, mobilityId: string) =>
    ui.t.app.get(LearningAgreementsService).get(self, mobilityId);

  it('a student fills tables A and B in Kazakh: adds a row, sees the totals, saves', async () => {
    const { student, self, mobilityId, term } = await confirmedStudent(`Абенова ${randomUUID().slice(0, 6)}`);
    const { context, page } = await visitor(student, 'kk');
    await page.goto(`/kk/outgoing/${mobilityId}/learning-agreement/edit`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Оқу келісімін өзгерту');
    await check(page, 'kk edit empty');

    const cell = (column: string, table: string, row: number) =>
      page.getByLabel(`${column}, ${table} кестесі, ${row}-жол`, { exact: true });
    const semester = term === 'autumn' ? 'autumn' : 'spring';
    await cell('Атауы', 'A', 1).fill('Қазақ тілі');
    await cell('Коды', 'A', 1).fill('KAZ-101');
    await cell('Семестр', 'A', 1).selectOption(semester);
    await cell('ECTS кредиттері', 'A', 1).fill('12');
    await cell('Атауы', 'A', 2).fill('Орыс әдебиеті');
    await cell('Коды', 'A', 2).fill('LIT-210');
    await cell('Семестр', 'A', 2).selectOption(semester);
    await cell('ECTS кредиттері', 'A', 2).fill('10');
    await page.getByRole('button', { name: 'A кестесіне жол қосу' }).click();
    await cell('Атауы', 'A', 3).waitFor();
    expect(await cell('Атауы', 'A', 2).inputValue()).toBe('Орыс әдебиеті');
    expect(await page.locator('#totals-A').textContent()).toContain('A кестесі бойынша барлығы22 ECTS');
    await cell('Атауы', 'A', 3).fill('Қазақстан тарихы');
    await cell('Коды', 'A', 3).fill('HIS-101');
    await cell('Семестр', 'A', 3).selectOption(semester);
    await cell('ECTS кредиттері', 'A', 3).fill('6,5');
    // With JavaScript the totals follow what is typed (htmx posts a preview; nothing is saved).
    await cell('ECTS кредиттері', 'A', 3).press('Tab');
    await page.locator('#totals-A', { hasText: '28,5 ECTS' }).waitFor();
    await cell('Атауы', 'B', 1).fill('Langue kazakhe');
    await cell('Коды', 'B', 1).fill('UMONS-KZ1');
    await cell('ECTS кредиттері', 'B', 1).fill('25');
    await page.getByLabel('Тегі', { exact: true }).first().fill('Dupont');
    await check(page, 'kk edit after adding a row');
    if (process.env.UI_SCREENSHOTS) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `/tmp/la-edit-kk-${width}.png`, fullPage: true });
        await page.locator('#field-tableA').screenshot({ path: `/tmp/la-edit-kk-${width}-tableA.png` });
      }
      await page.setViewportSize({ width: 1200, height: 900 });
    }
    await page.getByRole('button', { name: 'Оқу келісімін сақтау' }).click();
    // A responsible person half filled in is refused beside its fields; nothing saved.
    expect(await page.locator('.error-summary').textContent()).toContain('Аты (Жіберуші университетте)');
    expect((await agreementOf(self, mobilityId)).current).toBeNull();
    expect(await page.locator('#totals-A').textContent()).toContain('28,5 ECTS');
    await page.getByLabel('Тегі', { exact: true }).first().fill('');
    // Enter in a field saves (the first button of the form), it does not add a row.
    await page.getByLabel('Тегі', { exact: true }).first().press('Enter');
    await page.waitForURL(/notice=laEdit\.notice\.saved/);
    // Back on the agreement's page, which says what to do next.
    expect(await page.locator('.notice').textContent()).toBe('Сақталды. Оған келісім бетінде қол қойыңыз.');
    const saved = (await agreementOf(self, mobilityId)).current;
    expect(saved?.content.tableA.map((c) => [c.code, c.ects])).toEqual([
      ['KAZ-101', 12],
      ['LIT-210', 10],
      ['HIS-101', 6.5],
    ]);
    expect(saved?.content.tableB).toEqual([{ title: 'Langue kazakhe', code: 'UMONS-KZ1', ects: 25 }]);
    await context.close();
  });

  it('a coordinator proposes a change in English after the first approval', async () => {
    const { self, mobilityId, term } = await confirmedStudent(`Omarova ${randomUUID().slice(0, 6)}`);
    const semester = term === 'autumn' ? 'autumn' : 'spring';
    const coordinator = await ui.t.createUser('coordinator');
    const partner = await ui.t.createUser('partner', { institutionId: world.host.id });
    const agreements = ui.t.app.get(LearningAgreementsService);
    const person = {
      givenNames: 'Marie',
      familyName: 'Dupont',
      position: 'Coordinator',
      email: 'm.dupont@umons.test',
    };
    const draft = await agreements.saveDraft(self, mobilityId, {
      tableA: [
        { title: 'Kazakh language', code: 'KAZ-101', term: semester, ects: 14 },
        { title: 'Russian literature', code: 'LIT-210', term: semester, ects: 12 },
      ],
      tableB: [{ title: 'Langue kazakhe', code: 'UMONS-KZ1', ects: 26 }],
      languageCompetence: { language: 'ru', cefrLevel: 'B2' },
      eqfLevel: 7,
      subjectArea: '0231',
      sendingResponsible: person,
      receivingResponsible: { ...person, givenNames: 'Айгерим', familyName: 'Садыкова' },
    });
    const hash = draft.current!.hash;
    await agreements.sign(self, mobilityId, { hash });
    await agreements.sign(asAuth(coordinator), mobilityId, { hash, position: 'Erasmus coordinator' });
    await agreements.sign(asAuth(partner, { institutionId: world.host.id }), mobilityId, {
      hash,
      position: 'International office',
    });

    const { context, page } = await visitor(coordinator, 'en');
    await page.goto(`/en/outgoing/${mobilityId}/learning-agreement/edit`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Propose changes to the learning agreement',
    );
    await check(page, 'en changes');
    await page.getByLabel('Delete, component LIT-210').check();
    await page.getByLabel('Reason, component LIT-210').selectOption({ label: 'Timetable conflict' });
    await page.getByLabel('Title, table A, row 1', { exact: true }).fill('History of Kazakhstan');
    await page.getByLabel('Code, table A, row 1', { exact: true }).fill('HIS-101');
    await page.getByLabel('Term, table A, row 1', { exact: true }).selectOption(semester);
    await page.getByLabel('ECTS credits, table A, row 1', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Propose these changes' }).click();
    // The inserted row has no reason yet: the error is beside it.
    expect(await page.locator('#field-insert-A-0-reasonCode-error').textContent()).toBe(
      'Reason, table A, row 1: choose one of the options',
    );
    await check(page, 'en changes refused');
    if (process.env.UI_SCREENSHOTS) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `/tmp/la-edit-changes-en-${width}.png`, fullPage: true });
        await page
          .locator('#field-changes-A')
          .screenshot({ path: `/tmp/la-edit-changes-en-${width}-tableA.png` });
      }
      await page.setViewportSize({ width: 1200, height: 900 });
    }
    await page
      .getByLabel('Reason, table A, row 1', { exact: true })
      .selectOption({ label: 'Replaces a deleted component' });
    await page.getByRole('button', { name: 'Propose these changes' }).click();
    await page.waitForURL(/notice=laEdit\.notice\.changesProposed/);
    expect(await page.locator('.notice').textContent()).toBe(
      'Your changes are proposed. Sign them on the agreement page.',
    );
    const proposed = (await agreementOf(self, mobilityId)).current;
    expect(proposed?.content.changes.map((c) => [c.action, c.code, c.reasonCode])).toEqual([
      ['deleted', 'LIT-210', 'timetable-conflict'],
      ['inserted', 'HIS-101', 'substituting-deleted'],
    ]);
    await context.close();
  });

  it('at 375 px wide the page does not scroll sideways (the tables scroll in their frame)', async () => {
    const { student, mobilityId } = await confirmedStudent(`Nurlanova ${randomUUID().slice(0, 6)}`);
    const { context, page } = await visitor(student, 'ru', 375);
    await page.goto(`/ru/outgoing/${mobilityId}/learning-agreement/edit`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await check(page, 'ru edit 375');
    await context.close();
  });

  it('found no accessibility violation nor raw message key on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
