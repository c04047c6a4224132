import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ApplicationsService } from '../../src/applications/applications.service.js';
import type { AuthUser } from '../../src/auth/auth-user.js';
import type { DraftLearningAgreementDto } from '../../src/learning-agreements/dto/learning-agreement-input.dto.js';
import { LearningAgreementsService } from '../../src/learning-agreements/learning-agreements.service.js';
import { OutgoingService } from '../../src/outgoing/outgoing.service.js';
import type { Locale } from '../../src/web/locales.js';
import {
  MOTIVATION,
  outgoingWorld,
  worldProgramme,
  type OutgoingWorld,
} from '../support/outgoing-fixtures.js';
import { alFarabiDraft } from '../support/learning-agreement-fixtures.js';
import type { TestUser } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, type UiHarness } from './support/ui-app.js';

/** The reference case's first draft: 24 ECTS in spring at the host, 20 recognised at home. */
const DRAFT = alFarabiDraft() as unknown as DraftLearningAgreementDto;

/**
 * The learning agreement's page and the waiting list in the browser: a partner rejects a proposal
 * in Russian; the coordinator signs the next version and records the recognition in French.
 */
describe('Learning agreement pages (Chromium)', () => {
  let ui: UiHarness;
  let world: OutgoingWorld;
  let advisor: TestUser;
  let coordinator: TestUser;
  let partner: TestUser;
  const problems: string[] = [];

  beforeAll(async () => {
    ui = await startUi();
    world = await outgoingWorld(ui.t);
    advisor = await ui.t.createUser('advisor');
    coordinator = await ui.t.createUser('coordinator');
    partner = await ui.t.createUser('partner', { institutionId: world.host.id });
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
  const agreements = () => ui.t.app.get(LearningAgreementsService);

  /** A student with a confirmed mobility and a drafted agreement signed by the student and the office. */
  async function proposal(lastName: string) {
    const student = await ui.t.createUser('student', {
      homeFacultyId: world.eii.id,
      studyLevel: 'bachelor',
      firstName: 'Алия',
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
      `SELECT id FROM outgoing_mobilities WHERE application_id = $1`,
      [draft.id],
    )) as Array<{ id: string }>;
    const v1 = (await agreements().saveDraft(self, row.id, DRAFT)).current!;
    await agreements().sign(self, row.id, { hash: v1.hash });
    await agreements().sign(asAuth(coordinator), row.id, { hash: v1.hash, position: 'Coordinatrice' });
    return { student, self, mobilityId: row.id };
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

  it('a partner finds the proposal in its list and rejects it with a reason, in Russian', async () => {
    const lastName = `Сәрсенова${randomUUID().slice(0, 6)}`;
    const { student, mobilityId } = await proposal(lastName);
    const { context, page } = await visitor(partner, 'ru');
    await page.goto('/ru/learning-agreements');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Учебные соглашения, ожидающие моей подписи',
    );
    await check(page, 'ru queue');
    await page.getByRole('link', { name: new RegExp(lastName) }).click();
    await page.waitForURL(new RegExp(`/ru/outgoing/${mobilityId}/learning-agreement`));
    expect(await page.locator('main').textContent()).toContain('Предложение, ждёт принимающего вуза');
    expect(await page.locator('main').textContent()).toContain('Весенний семестр: 24 ECTS');
    await check(page, 'ru agreement proposal');
    await page.getByRole('button', { name: 'Отклонить с этой причиной' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Укажите причину отклонения.');
    await check(page, 'ru agreement comment refused');
    await page.getByLabel('Причина отклонения').fill('HIS-310 не преподаётся весной.');
    await page.getByRole('button', { name: 'Отклонить с этой причиной' }).click();
    expect(await page.locator('.notice').textContent()).toBe(
      'Ваш комментарий записан: эта версия отклонена.',
    );
    expect(await page.locator('main').textContent()).toContain('HIS-310 не преподаётся весной.');
    expect(
      await ui.t.dataSource.query(
        `SELECT c.reason FROM learning_agreement_comments c
           JOIN learning_agreement_versions v ON v.id = c.version_id
           JOIN learning_agreements a ON a.id = v.agreement_id
          WHERE a.outgoing_mobility_id = $1`,
        [mobilityId],
      ),
    ).toEqual([{ reason: 'HIS-310 не преподаётся весной.' }]);
    await context.close();
    // The student reads the rejection in Kazakh, and finds the way to a new version.
    const own = await visitor(student, 'kk');
    await own.page.goto(`/kk/outgoing/${mobilityId}/learning-agreement`);
    expect(await own.page.locator('main').textContent()).toContain('Қабылдаушы оқу орны қабылдамады');
    expect(await own.page.getByRole('link', { name: 'Жобаны өзгерту' }).count()).toBe(1);
    await check(own.page, 'kk agreement rejected');
    await own.context.close();
  });

  it('the coordinator signs the new version and records the recognition, in French', async () => {
    const lastName = `Tulegenova${randomUUID().slice(0, 6)}`;
    const { self, mobilityId } = await proposal(lastName);
    const partnerAuth = asAuth(partner, { institutionId: world.host.id });
    const v1 = (await agreements().get(partnerAuth, mobilityId)).current!;
    await agreements().comment(partnerAuth, mobilityId, { hash: v1.hash, reason: 'Autre cours' });
    const changed = structuredClone(DRAFT);
    Object.assign(changed.tableA[2], { title: 'Political history of Kazakhstan', code: 'HIS-320' });
    const v2 = (await agreements().saveDraft(self, mobilityId, changed)).current!;
    await agreements().sign(self, mobilityId, { hash: v2.hash });

    const { context, page } = await visitor(coordinator, 'fr');
    await page.goto('/fr/learning-agreements');
    await check(page, 'fr queue');
    await page.getByRole('link', { name: new RegExp(lastName) }).click();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('Par rapport à la version 1');
    expect(await page.locator('ins').first().textContent()).toBe('HIS-320');
    expect(await page.locator('del').first().textContent()).toBe('HIS-310');
    await check(page, 'fr agreement to sign');
    if (process.env.UI_SCREENSHOTS) {
      await page.locator('section[aria-labelledby=compare]').screenshot({ path: '/tmp/la-view-compare.png' });
    }
    await page.getByLabel('Votre fonction').fill('Coordinatrice Erasmus');
    await page.getByRole('button', { name: 'Signer la version 2' }).click();
    expect(await page.locator('.notice').textContent()).toBe('Votre signature est enregistrée.');

    // The host signs and the student arrives; the host records its results.
    await agreements().sign(partnerAuth, mobilityId, { hash: v2.hash, position: 'Координатор' });
    const outgoing = ui.t.app.get(OutgoingService);
    await outgoing.verify(asAuth(coordinator), mobilityId, { outcome: 'verified' });
    await outgoing.transition(asAuth(coordinator), mobilityId, { to: 'live' });
    await agreements().recordResults(partnerAuth, mobilityId, {
      results: [
        { code: 'RKI-201', grade: '90 (A)', ectsObtained: 10 },
        { code: 'KAZ-101', grade: '85 (B+)', ectsObtained: 8 },
        { code: 'HIS-320', grade: '75 (C+)', ectsObtained: 6 },
      ],
    });

    await page.reload();
    expect(await main.textContent()).toContain('Approuvé par les trois parties');
    await check(page, 'fr agreement recognition form');
    // The page on a phone: no sideways scrolling of the page itself (the wide tables scroll in their frame).
    for (const width of [375, 1280]) {
      const sized = await visitor(coordinator, 'fr', width);
      await sized.page.goto(`/fr/outgoing/${mobilityId}/learning-agreement`);
      expect(await sized.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      if (process.env.UI_SCREENSHOTS) {
        await sized.page.screenshot({ path: `/tmp/la-view-${width}.png`, fullPage: true });
      }
      await sized.context.close();
    }

    await page.getByRole('radio', { name: 'Reconnue' }).first().check();
    await page.getByLabel('Note reportée pour UMONS-RU3').fill('16/20');
    await page.getByRole('radio', { name: 'Non reconnue' }).nth(1).check();
    await page.getByRole('button', { name: 'Enregistrer la reconnaissance' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Indiquez pourquoi UMONS-OPT n’est pas reconnue.',
    );
    await check(page, 'fr recognition refused');
    await page.getByLabel('Raison de la non-reconnaissance de UMONS-OPT').fill('Aucun cours correspondant');
    await page.getByRole('button', { name: 'Enregistrer la reconnaissance' }).click();
    expect(await page.locator('.notice').textContent()).toBe('La reconnaissance est enregistrée.');
    expect(await main.textContent()).toContain(
      'Tous les résultats et toutes les décisions sont enregistrés : 15 ECTS reconnus.',
    );
    await check(page, 'fr agreement recognised');
    expect(
      await ui.t.dataSource.query(`SELECT status FROM outgoing_mobilities WHERE id = $1`, [mobilityId]),
    ).toEqual([{ status: 'recognized' }]);
    await context.close();
  });

  it('found no accessibility violation nor raw message key on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
