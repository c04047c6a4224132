import { randomInt } from 'node:crypto';
import { Application } from '../../src/applications/application.entity.js';
import { ApplicationChoice } from '../../src/applications/application-choice.entity.js';
import { Programme } from '../../src/programmes/programme.entity.js';
import { ApplicationAssessment } from '../../src/selection-rounds/application-assessment.entity.js';
import type { Locale } from '../../src/web/locales.js';
import { insertInstitution, insertProgramme, tag } from '../support/catalogue-fixtures.js';
import type { TestUser } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, type UiHarness } from './support/ui-app.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Pages: rating, a selection round’s preview and commit, the student’s explanation (Chromium)', () => {
  let ui: UiHarness;
  let advisor: TestUser;
  beforeAll(async () => {
    ui = await startUi();
    advisor = await ui.t.createUser('advisor', { preferredLocale: 'en' });
  });
  afterAll(async () => {
    await ui?.close();
  });

  async function as(user: TestUser, locale: Locale) {
    const visitor = await newVisitor(ui.browser, ui.baseUrl, locale);
    await visitor.context.addCookies([{ name: 'portal_session', value: user.token, url: ui.baseUrl }]);
    return visitor;
  }

  /** A year of its own: two closed programmes of one place, three submitted applications, two rated. */
  async function scenario() {
    const start = 2200 + randomInt(0, 7000);
    const year = `${start}/${start + 1}`;
    const host = await insertInstitution(ui.t, { countryCode: 'KZ' });
    const closed = {
      academicYear: year,
      term: 'autumn' as const,
      status: 'published' as const,
      places: 1,
      applicationOpensAt: new Date(Date.now() - 10 * DAY),
      applicationClosesAt: new Date(Date.now() - DAY),
    };
    const first = await insertProgramme(ui.t, host.id, { ...closed, title: `Almaty ${tag()}` });
    const second = await insertProgramme(ui.t, host.id, { ...closed, title: `Astana ${tag()}` });
    const apply = async (name: string, grade: number, choices: Programme[], rating: number | null) => {
      const student = await ui.t.createUser('student', {
        firstName: name,
        lastName: tag(),
        preferredLocale: 'ru',
      });
      const application = await ui.t.dataSource.getRepository(Application).save({
        studentId: student.id,
        academicYear: year,
        term: 'autumn' as const,
        status: 'submitted' as const,
        submittedAt: new Date(),
        motivation: 'I want to study abroad because the courses fit my plan very well indeed.',
        gradeAverage: grade,
        languageSkills: [],
      });
      await ui.t.dataSource.getRepository(ApplicationChoice).save(
        choices.map((programme, index) => ({
          applicationId: application.id,
          rank: index + 1,
          programmeId: programme.id,
        })),
      );
      if (rating !== null) {
        await ui.t.dataSource.getRepository(ApplicationAssessment).save({
          applicationId: application.id,
          motivationRating: rating,
          note: null,
          assessedById: advisor.id,
          assessedAt: new Date(),
        });
      }
      return { student, application };
    };
    const top = await apply(`Aigerim${tag()}`, 19, [first], 5);
    const middle = await apply(`Berik${tag()}`, 14, [first, second], null);
    const last = await apply(`Chloe${tag()}`, 10, [second], 1);
    return { year, first, second, top, middle, last };
  }

  it('rates on the review page, previews, refuses an unconfirmed commit, commits; the student reads why (en, fr, ru)', async () => {
    const { year, first, second, middle } = await scenario();
    const staff = await as(advisor, 'en');
    const { page } = staff;

    // The rating form on the staff page of the application, then the saved rating.
    await page.goto(`/en/review/${middle.application.id}`);
    expect(await page.locator('#assessment-title').textContent()).toBe('Motivation rating');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Rating (0 to 5)').fill('9');
    await page.getByRole('button', { name: 'Save the rating' }).click();
    expect(await page.locator('.error-summary, .field-error').first().isVisible()).toBe(true);
    await page.goto(`/en/review/${middle.application.id}`);
    await page.getByLabel('Rating (0 to 5)').fill('3');
    await page.getByRole('button', { name: 'Save the rating' }).click();
    expect(await page.locator('.notice').textContent()).toBe('The rating was saved.');
    expect(await page.locator('main').textContent()).toContain('Rated 3/5');
    const rated = await ui.t.dataSource
      .getRepository(ApplicationAssessment)
      .findOneByOrFail({ applicationId: middle.application.id });
    expect(rated.motivationRating).toBe(3);

    // A new round, in French: the preview table and the per-programme summary.
    await page.goto('/fr/selection-rounds');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tours de sélection');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Année académique').fill(year);
    await page.getByLabel('Période', { exact: true }).selectOption('autumn');
    await page.getByRole('button', { name: 'Voir l’aperçu du tour' }).click();
    expect(await page.locator('.notice').textContent()).toBe('L’aperçu est prêt.');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await rawKeysOn(page, ui.messageKeys)).toEqual([]);
    const table = await page.locator('main').textContent();
    expect(table).toContain(first.title);
    expect(table).toContain('Ceci est un aperçu');
    expect(table).toContain('complet, score minimal');
    expect(
      (await ui.t.dataSource.getRepository(Application).findOneByOrFail({ id: middle.application.id }))
        .status,
    ).toBe('submitted');

    // The commit needs the box ticked; then it applies the preview.
    await page.getByRole('button', { name: 'Valider le tour' }).click();
    expect(await page.locator('.error-message').first().textContent()).toContain('Cochez la case');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('J’ai vérifié l’aperçu et je veux l’appliquer').check();
    await page.getByRole('button', { name: 'Valider le tour' }).click();
    expect(await page.locator('.notice').textContent()).toBe('Le tour a été validé.');
    const placed = await ui.t.dataSource
      .getRepository(Application)
      .findOneByOrFail({ id: middle.application.id });
    expect(placed).toMatchObject({ status: 'approved', placedProgrammeId: second.id });
    await staff.context.close();

    // The student reads, in Russian, why not the first choice.
    const student = await as(middle.student, 'ru');
    await student.page.goto(`/ru/applications/${middle.application.id}`);
    const explanation = await student.page.locator('#selection-title').locator('..').textContent();
    expect(explanation).toContain('Тур отбора');
    expect(explanation).toContain(`Выбор 2: ${second.title}`);
    expect(explanation).toContain(`Выбор 1 (${first.title}): мест нет, проходной балл`);
    expect(await accessibilityViolations(student.page)).toEqual([]);
    expect(await rawKeysOn(student.page, ui.messageKeys)).toEqual([]);
    await student.context.close();
  });
});
