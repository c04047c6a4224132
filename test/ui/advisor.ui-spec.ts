import { Application } from '../../src/applications/application.entity.js';
import { ApplicationChoice } from '../../src/applications/application-choice.entity.js';
import { Programme } from '../../src/programmes/programme.entity.js';
import { LOCALES, type Locale } from '../../src/web/locales.js';
import { insertInstitution, insertProgramme, tag } from '../support/catalogue-fixtures.js';
import type { TestUser } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, type UiHarness } from './support/ui-app.js';

const MOTIVATION = 'I want to study <script>alert(1)</script> abroad because the courses fit my plan well.';

describe('Pages: the advisor’s review queue, an application and the decision (Chromium)', () => {
  let ui: UiHarness;
  let advisor: TestUser;
  beforeAll(async () => {
    ui = await startUi();
    advisor = await ui.t.createUser('advisor', { preferredLocale: 'en' });
  });
  afterAll(async () => {
    await ui?.close();
  });

  /** A published programme and a submitted application of a new student (named `name`) on it. */
  async function submitted(name: string, programme?: Programme) {
    programme ??= await insertProgramme(ui.t, (await insertInstitution(ui.t, { countryCode: 'PL' })).id, {
      title: `Review ${tag()}`,
      status: 'published',
      places: 2,
    });
    const student = await ui.t.createUser('student', { firstName: name, lastName: tag() });
    const application = await ui.t.dataSource.getRepository(Application).save({
      studentId: student.id,
      academicYear: programme.academicYear,
      term: programme.term,
      status: 'submitted' as const,
      submittedAt: new Date(),
      motivation: MOTIVATION,
      gradeAverage: 15.5,
      languageSkills: [
        {
          language: 'en',
          cefrLevel: 'B2' as const,
          status: 'declared' as const,
          declaredLevel: 'B2' as const,
        },
      ],
    });
    await ui.t.dataSource
      .getRepository(ApplicationChoice)
      .save({ applicationId: application.id, rank: 1, programmeId: programme.id });
    return { programme, application, student };
  }

  async function signedIn(locale: Locale, options: { javaScriptEnabled?: boolean } = {}) {
    const visitor = await newVisitor(ui.browser, ui.baseUrl, locale, options);
    await visitor.context.addCookies([{ name: 'portal_session', value: advisor.token, url: ui.baseUrl }]);
    return visitor;
  }

  const stored = (id: string) => ui.t.dataSource.getRepository(Application).findOneByOrFail({ id });

  it('finds a submitted application in the queue, verifies a language and approves it: a place is taken', async () => {
    const name = `Alma${tag()}`;
    const { programme, application } = await submitted(name);
    const { context, page } = await signedIn('en');
    const publicPlacesLeft = async () => {
      await page.goto(`/en/programmes/${programme.id}`);
      return page.locator('main dl.facts').first().textContent();
    };
    expect(await publicPlacesLeft()).toContain('2 places left of 2');
    await page.goto('/en');
    await page.getByRole('link', { name: 'Review queue' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Review queue');
    await page.getByLabel('Student name or email').fill(name);
    await page.getByLabel('Status', { exact: true }).selectOption('submitted');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=/);
    // The counts follow the filters: one submitted, nothing else.
    expect(await page.locator('.status-counts').textContent()).toContain('Submitted: 1');
    expect(await page.locator('.status-counts').textContent()).toContain('Approved: 0');
    await page.getByRole('link', { name: new RegExp(name) }).click();

    expect(new URL(page.url()).pathname).toBe(`/en/review/${application.id}`);
    expect(await page.locator('.places-left').textContent()).toBe('2 places left of 2');
    // Typed text is text, not markup.
    expect(await page.locator('.motivation').textContent()).toBe(MOTIVATION);
    expect(await page.locator('.facts').first().textContent()).toContain('15.5');

    await page.getByLabel('Level confirmed for en').selectOption('C1');
    await page.getByRole('button', { name: 'Verify en' }).click();
    expect(await page.locator('.notice').textContent()).toBe('The language level is verified.');
    const verified = await stored(application.id);
    expect(verified.languageSkills[0]).toMatchObject({
      cefrLevel: 'C1',
      status: 'verified',
      declaredLevel: 'B2',
    });

    await page.getByLabel('Approve').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await page.locator('.notice').textContent()).toBe(
      'The decision is recorded and the student will be told.',
    );
    expect(await page.locator('.places-left').textContent()).toBe('1 place left of 2');
    expect(await page.locator('.timeline').textContent()).toContain('Approved by');
    const approved = await stored(application.id);
    expect(approved.status).toBe('approved');
    expect(approved.placedProgrammeId).toBe(programme.id);
    const after = await ui.t.dataSource.getRepository(Programme).findOneByOrFail({ id: programme.id });
    expect(after.placesTaken).toBe(1);
    // The public programme page, which anyone reads, shows the place taken.
    expect(await publicPlacesLeft()).toContain('1 place left of 2');
    await context.close();
  });

  it('keeps a rejection without a reason on the form, beside the field, in English and French', async () => {
    const { application } = await submitted(`Boris${tag()}`);
    for (const [locale, message, button] of [
      ['en', 'Give the reason for the rejection', 'Record the decision'],
      ['fr', 'Indiquez le motif du refus', 'Enregistrer la décision'],
    ] as const) {
      const { context, page } = await signedIn(locale, { javaScriptEnabled: locale === 'en' });
      await page.goto(`/${locale}/review/${application.id}`);
      await page.getByLabel(locale === 'en' ? 'Reject' : 'Refuser').check();
      await page.getByRole('button', { name: button }).click();
      expect(await page.locator('#field-comment-error').textContent()).toBe(message);
      expect(await page.locator('.error-summary').textContent()).toContain(message);
      // The choice made is kept.
      expect(await page.getByLabel(locale === 'en' ? 'Reject' : 'Refuser').isChecked()).toBe(true);
      await context.close();
    }
    expect((await stored(application.id)).status).toBe('submitted');
  });

  it('shows a broken rule as a sentence in the page’s language, and changes nothing', async () => {
    const { programme, application } = await submitted(`Chen${tag()}`);
    await ui.t.dataSource.getRepository(Programme).update(programme.id, { placesTaken: programme.places });
    const { context, page } = await signedIn('ru');
    await page.goto(`/ru/review/${application.id}`);
    await page.getByLabel('Одобрить').check();
    await page.getByRole('button', { name: 'Сохранить решение' }).click();
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('В этой программе не осталось мест.');
    expect(summary).not.toContain('PROGRAMME_FULL');
    expect((await stored(application.id)).status).toBe('submitted');
    await context.close();
  });

  it('pages the queue: the next page loads in place with JavaScript, and is a plain link without', async () => {
    const name = `Dana${tag()}`;
    const first = await submitted(name);
    await submitted(name, first.programme);
    await submitted(name, first.programme);
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await signedIn('en', { javaScriptEnabled });
      await page.goto(`/en/review?q=${name}&limit=2`);
      expect(await page.locator('#queue-list > li.card').count()).toBe(2);
      await page.getByRole('link', { name: 'More applications' }).click();
      if (javaScriptEnabled) {
        await page.locator('#queue-list > li.card').nth(2).waitFor();
        expect(await page.locator('#queue-list > li.card').count()).toBe(3);
      } else {
        await page.waitForURL(/cursor=/);
        expect(await page.locator('#queue-list > li.card').count()).toBe(1);
      }
      expect(await page.getByRole('link', { name: 'More applications' }).count()).toBe(0);
      await context.close();
    }
  });

  it('has no accessibility violations, raw keys or CSP reports on the queue and an application, in every language', async () => {
    const { application } = await submitted(`Erlan${tag()}`);
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const { context, page, cspViolations } = await signedIn(locale);
      for (const path of [`/${locale}/review`, `/${locale}/review/${application.id}`]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        problems.push(...(await accessibilityViolations(page)));
        problems.push(...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${path}: raw key ${key}`));
      }
      // The decision form with its errors.
      await page.locator('#decision button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
      problems.push(...(await accessibilityViolations(page)));
      problems.push(...cspViolations);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
