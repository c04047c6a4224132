import { randomUUID } from 'node:crypto';
import { BAR_ROOM } from '../../src/stats/web/bar-layout.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/** The coordinator's forms through HTTP as a browser without JavaScript sends them, and what the database holds. */
describe('Coordinator pages: agreements, institutions, statistics (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let partnerId: string;
  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
    [{ id: partnerId }] = (await t.dataSource.query(
      `SELECT id FROM institutions WHERE schac_code = 'kaznu.kz'`,
    )) as Array<{
      id: string;
    }>;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, fields: Record<string, string | string[]>) =>
    pageRequest(t.http, 'POST', path, { session: coordinator.token, fields });
  const get = (path: string) => pageRequest(t.http, 'GET', path, { session: coordinator.token });

  const agreementFields = (overrides: Record<string, string> = {}) => ({
    partnerInstitutionId: partnerId,
    facultyId: '',
    kind: 'bilateral',
    subjectAreas: '0231, 0232',
    language: 'ru',
    cefrLevel: 'B1',
    outgoingPlacesPerYear: '3',
    incomingPlacesPerYear: '2',
    monthsPerMobility: '5',
    firstAcademicYear: '2030/2031',
    lastAcademicYear: '2032/2033',
    status: 'active',
    ...overrides,
  });

  it('creates an agreement from its form, refuses years out of order beside the fields, and saves an edit', async () => {
    const before = Number((await t.dataSource.query(`SELECT count(*) AS n FROM agreements`))[0].n);
    const refused = await post('/en/agreements', agreementFields({ lastAcademicYear: '2029/2030' }));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('class="error-summary"');
    expect(refused.text).toContain('Last academic year: this value is not valid');
    expect(refused.text).toContain('value="0231, 0232"');
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM agreements`))[0].n)).toBe(before);

    const created = await post('/en/agreements', agreementFields());
    expect(created.status).toBe(303);
    const id = /\/en\/agreements\/([0-9a-f-]{36})\?notice=agreements\.notice\.created$/.exec(
      created.headers.location,
    )?.[1];
    expect(id).toBeDefined();
    const rows = await t.dataSource.query(
      `SELECT kind, subject_areas, language_code, language_cefr_level, outgoing_places_per_year, status
         FROM agreements WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        kind: 'bilateral',
        subject_areas: ['0231', '0232'],
        language_code: 'ru',
        language_cefr_level: 'B1',
        outgoing_places_per_year: 3,
        status: 'active',
      },
    ]);

    const saved = await post(
      `/fr/agreements/${id}`,
      agreementFields({ language: '', cefrLevel: '', status: 'expired' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/fr/agreements/${id}?notice=agreements.notice.saved`);
    expect(
      await t.dataSource.query(`SELECT language_code, status FROM agreements WHERE id = $1`, [id]),
    ).toEqual([{ language_code: null, status: 'expired' }]);
    const page = await get(`/fr/agreements/${id}?notice=agreements.notice.saved`);
    expect(page.text).toContain('L’accord a été enregistré.');
  });

  it('lists agreements by status, the latest last academic year first (the API takes the same order)', async () => {
    const later = await post(
      '/en/agreements',
      agreementFields({ firstAcademicYear: '2040/2041', lastAcademicYear: '2044/2045' }),
    );
    const earlier = await post(
      '/en/agreements',
      agreementFields({ firstAcademicYear: '2040/2041', lastAcademicYear: '2043/2044' }),
    );
    const idOf = (location: string) => location.split('/')[3].split('?')[0];
    const list = await get('/en/agreements?status=active');
    expect(list.status).toBe(200);
    const laterAt = list.text.indexOf(idOf(later.headers.location));
    const earlierAt = list.text.indexOf(idOf(earlier.headers.location));
    expect(laterAt).toBeGreaterThan(-1);
    expect(earlierAt).toBeGreaterThan(laterAt);
    expect(list.text).not.toContain('status-expired');

    const api = await t.http.get('/api/agreements', {
      token: coordinator.token,
      query: { order: 'lastAcademicYear', status: 'active', limit: 2 },
    });
    expect(api.body.items.map((item: { lastAcademicYear: string }) => item.lastAcademicYear)).toEqual([
      '2044/2045',
      '2043/2044',
    ]);
    const next = await t.http.get('/api/agreements', {
      token: coordinator.token,
      query: { order: 'lastAcademicYear', status: 'active', limit: 2, cursor: api.body.nextCursor },
    });
    expect(
      next.body.items.every((item: { lastAcademicYear: string }) => item.lastAcademicYear <= '2043/2044'),
    ).toBe(true);
  });

  it('adds an institution, refuses a SCHAC code already taken with its sentence, edits it and adds a faculty', async () => {
    const schac = `uni-${randomUUID().slice(0, 8)}.kz`;
    const fields = {
      name: 'Eurasian National University',
      abbreviation: 'ENU',
      countryCode: 'kz',
      city: 'Astana',
      website: 'https://enu.kz',
      schacCode: schac,
      erasmusCode: '',
    };
    const created = await post('/en/manage/institutions', fields);
    expect(created.status).toBe(303);
    const id = created.headers.location.split('/')[4].split('?')[0];
    expect(
      await t.dataSource.query(
        `SELECT name, country_code, erasmus_code FROM institutions WHERE schac_code = $1`,
        [schac],
      ),
    ).toEqual([{ name: 'Eurasian National University', country_code: 'KZ', erasmus_code: null }]);

    const taken = await post('/ru/manage/institutions', { ...fields, name: 'Другой вуз' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('У другого учреждения уже есть этот код SCHAC.');
    expect(
      Number(
        (await t.dataSource.query(`SELECT count(*) AS n FROM institutions WHERE schac_code = $1`, [schac]))[0]
          .n,
      ),
    ).toBe(1);

    const emptied = await post(`/en/manage/institutions/${id}`, { ...fields, city: '' });
    expect(emptied.status).toBe(400);
    expect(emptied.text).toContain('Enter City');
    const edited = await post(`/en/manage/institutions/${id}`, {
      ...fields,
      city: 'Nur-Sultan',
      abbreviation: '',
    });
    expect(edited.status).toBe(303);
    expect(
      await t.dataSource.query(`SELECT city, abbreviation FROM institutions WHERE id = $1`, [id]),
    ).toEqual([{ city: 'Nur-Sultan', abbreviation: null }]);

    const badFaculty = await post(`/en/manage/institutions/${id}/faculties`, {
      'faculty.name': 'Philology',
      'faculty.code': 'no spaces allowed',
    });
    expect(badFaculty.status).toBe(400);
    expect(badFaculty.text).toContain('value="Philology"');
    const faculty = await post(`/en/manage/institutions/${id}/faculties`, {
      'faculty.name': 'Philology',
      'faculty.code': 'PHIL',
    });
    expect(faculty.status).toBe(303);
    expect(
      await t.dataSource.query(`SELECT name, code FROM faculties WHERE institution_id = $1`, [id]),
    ).toEqual([{ name: 'Philology', code: 'PHIL' }]);
    expect((await get(`/en/manage/institutions/${id}`)).text).toContain('<code>PHIL</code>');
  });

  it('draws the statistics as titled SVG charts with the same numbers in tables', async () => {
    const year = '2091/2092';
    await t.dataSource.query(
      `INSERT INTO incoming_mobilities (first_name, last_name, email, home_institution_id, host_faculty_id, academic_year, term,
         status, planned_arrival, planned_departure)
       SELECT 'Dana', 'Abenova', $2, $1, f.id, $3, 'spring', 'nominated', '2092-02-01', '2092-06-30'
         FROM faculties f JOIN institutions i ON i.id = f.institution_id WHERE i.is_home AND f.code = 'FLL'`,
      [partnerId, `dana-${randomUUID().slice(0, 6)}@kaznu.kz`, year],
    );
    const page = await get(`/en/stats?academicYear=${encodeURIComponent(year)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Statistics 2091/2092</h1>');
    expect(page.text).toContain('role="img" aria-labelledby="chart-incoming-title chart-incoming-desc"');
    expect(page.text).not.toContain('chart-applications-title');
    expect(page.text).toContain('1 incoming student in 2091/2092, shown by home institution.');
    // The partner's row in the incoming chart's table, and its bar.
    expect(page.text).toMatch(/<th scope="row">Al-Farabi Kazakh National University<\/th><td>1<\/td>/);
    expect(page.text).toContain(`<rect class="chart-bar" x="230" y="6" width="${BAR_ROOM}" height="18">`);
    // No application, programme nor outgoing mobility that year: said in words, no empty chart or table.
    expect(page.text.split('Nothing to show for this year.')).toHaveLength(4);
    expect(page.text).not.toContain('id="table-mobilities"');
    const bad = await get('/en/stats?academicYear=2025');
    expect(bad.status).toBe(400);
  });
});
