import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { LOCALES, type Locale } from '../../src/web/locales.js';
import type { TestUser } from '../support/test-app.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, UI_TIMEOUT, type UiHarness } from './support/ui-app.js';

const HEADER =
  'firstName,lastName,email,homeInstitutionSchacCode,hostFacultyCode,agreementId,academicYear,term,status,plannedArrival,plannedDeparture,actualArrival,actualDeparture,notes';

describe('Coordinator pages (Chromium)', () => {
  let ui: UiHarness;
  let coordinator: TestUser;
  beforeAll(async () => {
    ui = await startUi();
    coordinator = await ui.t.createUser('coordinator', { firstName: 'Christophe', lastName: 'Morel' });
  });
  afterAll(async () => {
    await ui?.close();
  });

  /** A coordinator's browser in a language, signed in through the session cookie. */
  async function coordinatorVisitor(
    locale: Locale,
    options: { javaScriptEnabled?: boolean; width?: number } = {},
  ) {
    const visitor = await newVisitor(ui.browser, ui.baseUrl, locale, options);
    await signIn(visitor.context, coordinator);
    return visitor;
  }

  async function signIn(context: BrowserContext, user: TestUser) {
    await context.addCookies([{ name: 'portal_session', value: user.token, url: ui.baseUrl }]);
  }

  const incomingRows = (emails: string[]) =>
    ui.t.dataSource.query(
      `SELECT email, status, to_char(actual_arrival, 'YYYY-MM-DD') AS actual_arrival
         FROM incoming_mobilities WHERE email = ANY($1::text[]) ORDER BY email`,
      [emails],
    ) as Promise<Array<{ email: string; status: string; actual_arrival: string | null }>>;

  it('imports a CSV in French: a bad line is shown with its problems and nothing is stored; fixed, it imports; an arrival is recorded', async () => {
    const { context, page } = await coordinatorVisitor('fr');
    const tag = randomUUID().slice(0, 8);
    const good = `aigerim-${tag}@kaznu.kz`;
    const bad = `dana-${tag}@kaznu.kz`;
    const line = (email: string) =>
      `Aigerim,Nurlanovna,${email},kaznu.kz,FLL,,2025/2026,spring,accepted,2026-02-01,2026-06-30,,,`;
    const upload = async (csv: string) => {
      await page.goto('/fr/incoming/import');
      await page.getByLabel('Fichier CSV').setInputFiles({
        name: 'nominations.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: 'Vérifier et importer' }).click();
    };

    await upload(
      `${HEADER}\n${line(good)}\n${line(bad).replace(`${bad},kaznu.kz,FLL,,2025/2026,spring`, `${bad},kaznu.kz,FLL,,2025/2026,winter`)}\n`,
    );
    expect(await page.locator('.error-summary').textContent()).toContain('1 ligne pose problème');
    const badLine = page.locator('tr.bad-line');
    expect(await badLine.count()).toBe(1);
    expect(await badLine.locator('th').textContent()).toBe('3');
    expect(await badLine.locator('code').textContent()).toBe('term');
    expect(await incomingRows([good, bad])).toEqual([]);

    await upload(`${HEADER}\n${line(good)}\n${line(bad)}\n`);
    expect(new URL(page.url()).pathname).toBe('/fr/incoming');
    expect(await page.locator('.notice').textContent()).toBe('Le fichier a été importé.');
    expect((await incomingRows([good, bad])).map((row) => row.status)).toEqual(['accepted', 'accepted']);

    await page.getByLabel('Nom ou e-mail').fill(good);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    // htmx puts the filtered results in place and the filters in the address.
    await page.waitForURL(/q=/);
    await page.locator('#results tbody tr').first().waitFor();
    expect(await page.locator('#results tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Aigerim Nurlanovna' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Aigerim Nurlanovna');
    await page.getByLabel('Date').fill('2026-02-02');
    await page.getByRole('button', { name: 'Enregistrer l’arrivée' }).click();
    expect(await page.locator('.notice').textContent()).toBe('La mobilité est passée à l’étape suivante.');
    expect(await page.locator('.status').first().textContent()).toBe('Arrivé');
    expect(await incomingRows([good])).toEqual([
      { email: good, status: 'arrived', actual_arrival: '2026-02-02' },
    ]);
    await context.close();
  });

  it('creates a programme through the form in English: errors beside the fields, what was typed kept, then the row in the database', async () => {
    const { context, page } = await coordinatorVisitor('en');
    const title = `Summer school in Almaty ${randomUUID().slice(0, 6)}`;
    await page.goto('/en/manage/programmes');
    await page.getByRole('link', { name: 'Create a programme' }).click();
    await page.getByLabel('Title').fill(title);
    const [{ id: hostId }] = (await ui.t.dataSource.query(
      `SELECT id FROM institutions WHERE schac_code = 'kaznu.kz'`,
    )) as Array<{ id: string }>;
    await page.getByLabel('Host institution').selectOption(hostId);
    await page.getByLabel('Academic year').selectOption('2026/2027');
    await page.getByLabel('Term', { exact: true }).selectOption('autumn');
    await page.getByLabel('First day of the stay').fill('2026-09-01');
    await page.getByLabel('Last day of the stay').fill('2027-01-31');
    await page.getByLabel('Applications open on').fill('2026-03-01');
    await page.getByLabel('Applications close on').fill('2026-05-15');
    const [{ id: languagesId }] = (await ui.t.dataSource.query(
      `SELECT f.id FROM faculties f JOIN institutions i ON i.id = f.institution_id WHERE i.is_home AND f.code = 'FLL'`,
    )) as Array<{ id: string }>;
    await page.locator(`input[name=eligibleFacultyIds][value="${languagesId}"]`).check();
    await page.getByRole('button', { name: 'Create the programme' }).click();
    // Places left empty: the form comes back with the error beside the field, the rest kept.
    expect(await page.locator('.error-summary').textContent()).toContain('Places');
    expect(await page.getByLabel('Title').inputValue()).toBe(title);
    expect(await page.locator(`input[name=eligibleFacultyIds][value="${languagesId}"]`).isChecked()).toBe(
      true,
    );
    expect(await ui.t.dataSource.query(`SELECT id FROM programmes WHERE title = $1`, [title])).toEqual([]);

    await page.getByLabel('Places', { exact: true }).fill('4');
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Create the programme' }).click();
    expect(await page.locator('.notice').textContent()).toBe('The programme was created.');
    const rows = await ui.t.dataSource.query(
      `SELECT p.places, p.status, p.term, p.academic_year, p.application_opens_at, i.schac_code,
              array_length(p.eligible_faculty_ids, 1) AS faculties
         FROM programmes p JOIN institutions i ON i.id = p.host_institution_id WHERE p.title = $1`,
      [title],
    );
    expect(rows).toEqual([
      {
        places: 4,
        status: 'published',
        term: 'autumn',
        academic_year: '2026/2027',
        application_opens_at: new Date('2026-02-28T23:00:00Z'),
        schac_code: 'kaznu.kz',
        faculties: 1,
      },
    ]);
    await page.goto('/en/manage/programmes?academicYear=2026%2F2027');
    expect(await page.locator('#results').textContent()).toContain(title);
    await context.close();
  });

  describe('every coordinator page type, in each language', () => {
    let id: string;
    let programmeId: string;
    let agreementId: string;
    let partnerId: string;
    const badFile = Buffer.from(
      `${HEADER}\nA,B,not-an-email,kaznu.kz,FLL,,2025/2026,spring,,2026-02-01,2026-06-30,,,\n`,
    );
    beforeAll(async () => {
      const email = `axe-${randomUUID().slice(0, 8)}@kaznu.kz`;
      await ui.t.dataSource.query(
        `INSERT INTO incoming_mobilities (first_name, last_name, email, home_institution_id, host_faculty_id,
           academic_year, term, status, planned_arrival, planned_departure)
         SELECT '<script>alert(1)</script>', 'Serikova', $1, partner.id, f.id, '2025/2026', 'spring', 'nominated',
                '2026-02-01', '2026-06-30'
           FROM institutions partner, faculties f JOIN institutions home ON home.id = f.institution_id
          WHERE partner.schac_code = 'kaznu.kz' AND home.is_home AND f.code = 'FLL'`,
        [email],
      );
      [{ id }] = (await ui.t.dataSource.query(`SELECT id FROM incoming_mobilities WHERE email = $1`, [
        email,
      ])) as Array<{ id: string }>;
      [{ id: programmeId }] = (await ui.t.dataSource.query(
        `SELECT id FROM programmes ORDER BY created_at LIMIT 1`,
      )) as Array<{ id: string }>;
      [{ id: agreementId }] = (await ui.t.dataSource.query(
        `SELECT id FROM agreements ORDER BY created_at LIMIT 1`,
      )) as Array<{ id: string }>;
      [{ id: partnerId }] = (await ui.t.dataSource.query(
        `SELECT id FROM institutions WHERE schac_code = 'kaznu.kz'`,
      )) as Array<{ id: string }>;
    });

    it.each(LOCALES)(
      '%s: no accessibility violations, raw keys or CSP reports; typed text stays text',
      async (locale) => {
        const problems: string[] = [];
        const { context, page, cspViolations } = await coordinatorVisitor(locale);
        const check = async (label: string) => {
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          problems.push(...(await accessibilityViolations(page)).map((line) => `${label}: ${line}`));
          problems.push(...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${label}: raw key ${key}`));
        };
        for (const path of [
          '/incoming',
          `/incoming/${id}`,
          '/incoming/import',
          '/manage/programmes',
          '/manage/programmes/new',
          `/manage/programmes/${programmeId}`,
          '/agreements',
          '/agreements/new',
          `/agreements/${agreementId}`,
          '/manage/institutions',
          '/manage/institutions/new',
          `/manage/institutions/${partnerId}`,
          '/stats?academicYear=2025%2F2026',
        ]) {
          const response = await page.goto(`/${locale}${path}`);
          expect(response?.status()).toBe(200);
          await check(`${locale}${path}`);
        }
        // The student's page shows the typed name as text, never as markup.
        await page.goto(`/${locale}/incoming/${id}`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          '<script>alert(1)</script> Serikova',
        );
        // The import page with a bad line listed.
        await page.goto(`/${locale}/incoming/import`);
        await page
          .locator('input[type=file]')
          .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: badFile });
        await page.locator('form[enctype] button[type=submit]').click();
        expect(await page.locator('tr.bad-line').count()).toBe(1);
        await check(`${locale} import refused`);
        problems.push(...cspViolations);
        await context.close();
        expect(problems).toEqual([]);
      },
      // Thirteen page types under axe: seconds each on a machine shared by several test runs.
      UI_TIMEOUT,
    );
  });
});
