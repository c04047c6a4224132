import { Programme } from '../../src/programmes/programme.entity.js';
import { PROGRAMME_TITLE_MATCHES } from '../../src/programmes/programmes.service.js';
import {
  dayFromNow,
  homeFaculty,
  institutionBody,
  institutionBySchacCode,
  insertInstitution,
  insertProgramme,
  programmeBody,
  tag,
  fieldNames,
} from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestResponse, type TestUser } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Catalogue: programmes (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  let advisor: TestUser;
  let editor: TestUser;
  let student: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
    admin = await t.createUser('admin');
    advisor = await t.createUser('advisor');
    editor = await t.createUser('editor');
    student = await t.createUser('student');
  });
  afterAll(async () => {
    await t.close();
  });

  const programmeRow = (id: string) => t.dataSource.getRepository(Programme).findOneByOrFail({ id });

  it('lists the Al-Farabi spring 2026 semester to anonymous visitors, with its 5 places', async () => {
    const title = 'Semester at Al-Farabi Kazakh National University, spring 2026';
    // Walk every page of the plain list: other tests add programmes to the same database.
    let found: Record<string, unknown> | undefined;
    let cursor: string | undefined;
    do {
      const page = await t.http.get('/api/programmes', { query: { limit: 100, cursor } });
      expect(page.status).toBe(200);
      found ??= page.body.items.find((item: { title: string }) => item.title === title);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor && !found);

    const alFarabi = await institutionBySchacCode(t, 'kaznu.kz');
    const eii = await homeFaculty(t, 'EII');
    expect(found).toMatchObject({
      title,
      hostInstitutionId: alFarabi.id,
      hostInstitution: { name: 'Al-Farabi Kazakh National University', countryCode: 'KZ', city: 'Almaty' },
      academicYear: '2025/2026',
      term: 'spring',
      places: 5,
      placesTaken: 0,
      placesLeft: 5,
      isOpen: false,
      status: 'published',
      eligibleFacultyIds: [eii.id],
      languageOfInstruction: 'ru',
      minLanguageLevel: 'B1',
    });
    expect(found!.agreementId).toEqual(expect.any(String));
    expect(String(found!.startDate)).toMatch(/^2026-02-/);
    expect(String(found!.endDate)).toMatch(/^2026-06-/);
    expect(Date.parse(String(found!.applicationClosesAt))).toBeLessThanOrEqual(
      Date.parse('2026-02-01T00:00:00Z'),
    );

    const search = await t.http.get('/api/programmes', {
      query: { q: 'al-farabi', academicYear: '2025/2026', term: 'spring' },
    });
    expect(search.body.items.map((item: { title: string }) => item.title)).toContain(title);
  });

  it('lets a coordinator create an institution, a faculty, an agreement and a published programme; a student gets 403 for each', async () => {
    const institution = institutionBody({
      name: `Universidade de Coimbra ${tag()}`,
      countryCode: 'PT',
      city: 'Coimbra',
    });
    const faculty = { code: 'FLUC', name: 'Faculty of Arts and Humanities' };

    const refusedInstitution = await t.http.post('/api/institutions', institution, { token: student.token });
    expect(refusedInstitution.status).toBe(403);
    const createdInstitution = await t.http.post('/api/institutions', institution, {
      token: coordinator.token,
    });
    expect(createdInstitution.status).toBe(201);
    const hostId = createdInstitution.body.id as string;

    const facultiesUrl = `/api/institutions/${hostId}/faculties`;
    expect((await t.http.post(facultiesUrl, faculty, { token: student.token })).status).toBe(403);
    const createdFaculty = await t.http.post(facultiesUrl, faculty, { token: coordinator.token });
    expect(createdFaculty.status).toBe(201);

    const agreement = {
      partnerInstitutionId: hostId,
      kind: 'erasmus-icm',
      subjectAreas: ['0231'],
      languageRequirement: { language: 'pt', cefrLevel: 'B1' },
      outgoingPlacesPerYear: 3,
      incomingPlacesPerYear: 3,
      monthsPerMobility: 5,
      firstAcademicYear: '2026/2027',
      lastAcademicYear: '2028/2029',
      status: 'active',
    };
    expect((await t.http.post('/api/agreements', agreement, { token: student.token })).status).toBe(403);
    const createdAgreement = await t.http.post('/api/agreements', agreement, { token: coordinator.token });
    expect(createdAgreement.status).toBe(201);

    const eii = await homeFaculty(t, 'EII');
    const programme = programmeBody(hostId, {
      title: `Semestre à Coimbra ${tag()}`,
      agreementId: createdAgreement.body.id,
      eligibleFacultyIds: [eii.id],
      languageOfInstruction: 'PT',
      minLanguageLevel: 'B1',
      description: 'Portuguese language and culture.',
      status: 'published',
    });
    expect((await t.http.post('/api/programmes', programme, { token: student.token })).status).toBe(403);
    expect(await t.dataSource.getRepository(Programme).countBy({ hostInstitutionId: hostId })).toBe(0);
    const created = await t.http.post('/api/programmes', programme, { token: coordinator.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: programme.title,
      hostInstitutionId: hostId,
      hostInstitution: { id: hostId, city: 'Coimbra', countryCode: 'PT' },
      agreementId: createdAgreement.body.id,
      academicYear: '2026/2027',
      term: 'spring',
      startDate: programme.startDate,
      endDate: programme.endDate,
      applicationOpensAt: new Date(programme.applicationOpensAt).toISOString(),
      applicationClosesAt: new Date(programme.applicationClosesAt).toISOString(),
      places: 4,
      placesTaken: 0,
      placesLeft: 4,
      isOpen: true,
      eligibleFacultyIds: [eii.id],
      languageOfInstruction: 'pt',
      minLanguageLevel: 'B1',
      status: 'published',
    });

    // Anyone sees a published programme, by id and in the list (found accent-free).
    const read = await t.http.get(`/api/programmes/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const listed = await t.http.get('/api/programmes', {
      query: { q: 'semestre a coimbra', hostInstitutionId: hostId },
    });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('hides a draft or archived programme from anonymous visitors, students and editors; staff see every status', async () => {
    const host = await insertInstitution(t);
    const draft = await t.http.post('/api/programmes', programmeBody(host.id), { token: coordinator.token });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', isOpen: false });
    const archived = await insertProgramme(t, host.id, { status: 'archived' });
    const published = await insertProgramme(t, host.id, { status: 'published' });

    for (const id of [draft.body.id, archived.id]) {
      for (const token of [undefined, student.token, editor.token]) {
        const response = await t.http.get(`/api/programmes/${id}`, { token });
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('NOT_FOUND');
      }
      for (const staff of [advisor, coordinator, admin]) {
        expect((await t.http.get(`/api/programmes/${id}`, { token: staff.token })).status).toBe(200);
      }
    }

    const ids = async (token: string | undefined, query: Record<string, string> = {}) => {
      const response = await t.http.get('/api/programmes', {
        token,
        query: { hostInstitutionId: host.id, ...query },
      });
      expect(response.status).toBe(200);
      return new Set(response.body.items.map((item: { id: string }) => item.id));
    };
    expect(await ids(undefined)).toEqual(new Set([published.id]));
    expect(await ids(student.token)).toEqual(new Set([published.id]));
    expect(await ids(editor.token)).toEqual(new Set([published.id]));
    // Asking for drafts does not reveal them to the public.
    expect(await ids(undefined, { status: 'draft' })).toEqual(new Set());
    expect(await ids(advisor.token)).toEqual(new Set([draft.body.id, archived.id, published.id]));
    expect(await ids(coordinator.token, { status: 'draft' })).toEqual(new Set([draft.body.id]));
    expect(await ids(admin.token, { status: 'archived' })).toEqual(new Set([archived.id]));
  });

  it('answers dates out of order with a 400 naming the fields, on create and on update', async () => {
    const host = await insertInstitution(t);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [
        {
          applicationOpensAt: new Date(Date.now() + 10 * DAY).toISOString(),
          applicationClosesAt: new Date(Date.now() + 5 * DAY).toISOString(),
        },
        ['applicationOpensAt', 'applicationClosesAt'],
      ],
      [
        { applicationClosesAt: new Date(Date.now() + 90 * DAY).toISOString() },
        ['applicationClosesAt', 'startDate'],
      ],
      [{ startDate: dayFromNow(200), endDate: dayFromNow(100) }, ['startDate', 'endDate']],
      [{ startDate: dayFromNow(100), endDate: dayFromNow(100) }, ['startDate', 'endDate']],
    ];
    for (const [override, fields] of cases) {
      const response = await t.http.post('/api/programmes', programmeBody(host.id, override), {
        token: coordinator.token,
      });
      expect({ override, status: response.status }).toEqual({ override, status: 400 });
      expect(fieldNames(response.body)).toEqual(fields);
    }
    expect(await t.dataSource.getRepository(Programme).countBy({ hostInstitutionId: host.id })).toBe(0);

    // On PATCH the programme as it would be is checked: a start before the stored closing date is refused.
    const created = await t.http.post('/api/programmes', programmeBody(host.id), {
      token: coordinator.token,
    });
    const patched = await t.http.patch(
      `/api/programmes/${created.body.id}`,
      { startDate: dayFromNow(10) },
      { token: coordinator.token },
    );
    expect(patched.status).toBe(400);
    expect(fieldNames(patched.body)).toEqual(['applicationClosesAt', 'startDate']);
    expect((await programmeRow(created.body.id)).startDate).toBe(created.body.startDate);

    const both = await t.http.patch(
      `/api/programmes/${created.body.id}`,
      { startDate: dayFromNow(300), endDate: dayFromNow(400) },
      { token: coordinator.token },
    );
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ startDate: dayFromNow(300), endDate: dayFromNow(400) });
  });

  it('answers malformed fields and unknown fields with a 400 naming each', async () => {
    const host = await insertInstitution(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startDate: '2027-02-30' }, 'startDate'],
      [{ endDate: '01/06/2027' }, 'endDate'],
      [{ applicationOpensAt: '2026-01-01T10:00:00' }, 'applicationOpensAt'],
      [{ applicationClosesAt: 'soon' }, 'applicationClosesAt'],
      [{ academicYear: '2026/2028' }, 'academicYear'],
      [{ term: 'summer' }, 'term'],
      [{ places: -1 }, 'places'],
      [{ places: 2.5 }, 'places'],
      [{ minLanguageLevel: 'B3', languageOfInstruction: 'en' }, 'minLanguageLevel'],
      [{ languageOfInstruction: 'english' }, 'languageOfInstruction'],
      [{ eligibleFacultyIds: ['x'] }, 'eligibleFacultyIds'],
      [{ status: 'open' }, 'status'],
      [{ title: '' }, 'title'],
      [{ placesTaken: 3 }, 'placesTaken'],
    ];
    for (const [override, field] of cases) {
      const response = await t.http.post('/api/programmes', programmeBody(host.id, override), {
        token: coordinator.token,
      });
      expect({ override, status: response.status }).toEqual({ override, status: 400 });
      expect(response.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
    }

    const levelWithoutLanguage = await t.http.post(
      '/api/programmes',
      programmeBody(host.id, { minLanguageLevel: 'B1' }),
      { token: coordinator.token },
    );
    expect(levelWithoutLanguage.status).toBe(400);
    expect(fieldNames(levelWithoutLanguage.body)).toEqual(['languageOfInstruction', 'minLanguageLevel']);
  });

  it('answers unknown or unfit references with a 400 naming the field, not a 500', async () => {
    const host = await insertInstitution(t);
    const otherHost = await insertInstitution(t);
    const missing = '00000000-0000-4000-8000-000000000000';
    const agreement = await t.http.post(
      '/api/agreements',
      {
        partnerInstitutionId: otherHost.id,
        kind: 'bilateral',
        outgoingPlacesPerYear: 1,
        incomingPlacesPerYear: 1,
        monthsPerMobility: 4,
        firstAcademicYear: '2026/2027',
        lastAcademicYear: '2026/2027',
      },
      { token: coordinator.token },
    );
    const partnerFaculty = await t.http.post(
      `/api/institutions/${host.id}/faculties`,
      { code: 'ENG', name: 'Engineering' },
      { token: coordinator.token },
    );

    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ hostInstitutionId: missing }, ['hostInstitutionId']],
      [{ agreementId: missing }, ['agreementId']],
      [{ agreementId: agreement.body.id }, ['agreementId', 'hostInstitutionId']],
      [{ eligibleFacultyIds: [missing] }, ['eligibleFacultyIds']],
      [{ eligibleFacultyIds: [partnerFaculty.body.id] }, ['eligibleFacultyIds']],
    ];
    for (const [override, fields] of cases) {
      const response = await t.http.post('/api/programmes', programmeBody(host.id, override), {
        token: coordinator.token,
      });
      expect({ override, status: response.status }).toEqual({ override, status: 400 });
      expect(fieldNames(response.body)).toEqual(fields);
    }

    const created = await t.http.post('/api/programmes', programmeBody(host.id), {
      token: coordinator.token,
    });
    for (const [override, fields] of cases) {
      const response = await t.http.patch(`/api/programmes/${created.body.id}`, override, {
        token: coordinator.token,
      });
      expect({ override, status: response.status }).toEqual({ override, status: 400 });
      expect(fieldNames(response.body)).toEqual(fields);
    }
    // Moving the programme to the agreement's partner, with the agreement, is consistent.
    const moved = await t.http.patch(
      `/api/programmes/${created.body.id}`,
      { hostInstitutionId: otherHost.id, agreementId: agreement.body.id },
      { token: coordinator.token },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ hostInstitutionId: otherHost.id, agreementId: agreement.body.id });
  });

  it('updates fields, refuses null for required ones, and answers an unknown programme with 404', async () => {
    const host = await insertInstitution(t);
    const created = await t.http.post('/api/programmes', programmeBody(host.id, { description: 'Old' }), {
      token: coordinator.token,
    });
    const url = `/api/programmes/${created.body.id}`;
    const updated = await t.http.patch(
      url,
      { description: 'New', status: 'published', languageOfInstruction: 'fr', minLanguageLevel: 'A2' },
      { token: admin.token },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      description: 'New',
      status: 'published',
      languageOfInstruction: 'fr',
      minLanguageLevel: 'A2',
      isOpen: true,
    });

    const clearLanguage = await t.http.patch(url, { languageOfInstruction: null }, { token: admin.token });
    expect(clearLanguage.status).toBe(400);
    expect(fieldNames(clearLanguage.body)).toEqual(['languageOfInstruction', 'minLanguageLevel']);
    const clearBoth = await t.http.patch(
      url,
      { languageOfInstruction: null, minLanguageLevel: null },
      { token: admin.token },
    );
    expect(clearBoth.status).toBe(200);
    expect(clearBoth.body).toMatchObject({ languageOfInstruction: null, minLanguageLevel: null });

    for (const field of ['title', 'places', 'startDate', 'status', 'eligibleFacultyIds']) {
      const response = await t.http.patch(url, { [field]: null }, { token: admin.token });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.fields).toEqual([expect.objectContaining({ field })]);
    }
    const unknownField = await t.http.patch(url, { placesTaken: 0 }, { token: admin.token });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.fields).toEqual([expect.objectContaining({ field: 'placesTaken' })]);

    const missing = await t.http.patch(
      '/api/programmes/00000000-0000-4000-8000-000000000000',
      { places: 3 },
      {
        token: admin.token,
      },
    );
    expect(missing.status).toBe(404);
    expect((await t.http.patch(url, { places: 9 }, { token: advisor.token })).status).toBe(403);
    expect((await programmeRow(created.body.id)).places).toBe(4);
  });

  it('refuses to lower places below the places taken (409 PLACES_BELOW_TAKEN)', async () => {
    const host = await insertInstitution(t);
    const programme = await insertProgramme(t, host.id, { status: 'published', places: 5, placesTaken: 3 });
    const url = `/api/programmes/${programme.id}`;

    const read = await t.http.get(url);
    expect(read.body).toMatchObject({ places: 5, placesTaken: 3, placesLeft: 2 });

    const below = await t.http.patch(url, { places: 2 }, { token: coordinator.token });
    expect(below.status).toBe(409);
    expect(below.body).toMatchObject({ code: 'PLACES_BELOW_TAKEN', fields: [{ field: 'places' }] });
    expect(await programmeRow(programme.id)).toMatchObject({ places: 5, placesTaken: 3 });

    const exact = await t.http.patch(url, { places: 3 }, { token: coordinator.token });
    expect(exact.status).toBe(200);
    expect(exact.body).toMatchObject({ places: 3, placesTaken: 3, placesLeft: 0 });
  });

  it('settles a place taken while places are being lowered: the lowering waits and then fails', async () => {
    const host = await insertInstitution(t);
    const programme = await insertProgramme(t, host.id, { status: 'published', places: 5, placesTaken: 3 });

    // An approval in progress (as the applications feature does it) holds the row...
    const approval = t.dataSource.createQueryRunner();
    await approval.connect();
    let lowering: Promise<TestResponse> | undefined;
    try {
      await approval.startTransaction();
      await approval.query(
        `UPDATE programmes SET places_taken = places_taken + 1 WHERE id = $1 AND places_taken < places`,
        [programme.id],
      );
      // ...while a coordinator lowers places to what was taken before it: the PATCH waits for the row.
      lowering = t.http.patch(`/api/programmes/${programme.id}`, { places: 3 }, { token: coordinator.token });
      await waitForLockWait(t);
      await approval.commitTransaction();
    } finally {
      if (approval.isTransactionActive) await approval.rollbackTransaction();
      await approval.release();
    }
    const response = await lowering;
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('PLACES_BELOW_TAKEN');
    expect(await programmeRow(programme.id)).toMatchObject({ places: 5, placesTaken: 4 });
  });

  it('tells whether a programme is open now, and filters on it', async () => {
    const host = await insertInstitution(t);
    const open = await insertProgramme(t, host.id, { status: 'published' });
    const closed = await insertProgramme(t, host.id, {
      status: 'published',
      applicationOpensAt: new Date(Date.now() - 20 * DAY),
      applicationClosesAt: new Date(Date.now() - 10 * DAY),
    });
    const upcoming = await insertProgramme(t, host.id, {
      status: 'published',
      applicationOpensAt: new Date(Date.now() + 5 * DAY),
      applicationClosesAt: new Date(Date.now() + 10 * DAY),
    });
    const draftInWindow = await insertProgramme(t, host.id, { status: 'draft' });

    const list = async (query: Record<string, string>, token = coordinator.token) =>
      (await t.http.get('/api/programmes', { token, query: { hostInstitutionId: host.id, ...query } })).body
        .items as Array<{
        id: string;
        isOpen: boolean;
      }>;

    const all = await list({});
    expect(Object.fromEntries(all.map((item) => [item.id, item.isOpen]))).toEqual({
      [open.id]: true,
      [closed.id]: false,
      [upcoming.id]: false,
      [draftInWindow.id]: false,
    });
    expect((await list({ open: 'true' })).map((item) => item.id)).toEqual([open.id]);
    expect(new Set((await list({ open: 'false' })).map((item) => item.id))).toEqual(
      new Set([closed.id, upcoming.id, draftInWindow.id]),
    );
    const badOpen = await t.http.get('/api/programmes', { query: { open: 'yes' } });
    expect(badOpen.status).toBe(400);
    expect(badOpen.body.fields).toEqual([expect.objectContaining({ field: 'open' })]);
  });

  it('filters by year, term and host, sorts by application deadline, and pages each programme once', async () => {
    const host = await insertInstitution(t);
    const closes = [9, 3, 7, 1, 5].map((days) => new Date(Date.now() + days * DAY));
    const made = [];
    for (const [index, closesAt] of closes.entries()) {
      made.push(
        await insertProgramme(t, host.id, {
          status: 'published',
          applicationClosesAt: closesAt,
          term: index % 2 === 0 ? 'autumn' : 'spring',
          academicYear: index < 3 ? '2026/2027' : '2027/2028',
        }),
      );
    }
    const byDeadline = [...made].sort(
      (a, b) => a.applicationClosesAt.getTime() - b.applicationClosesAt.getTime(),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.http.get('/api/programmes', {
        query: { hostInstitutionId: host.id, limit: 2, cursor },
      });
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(byDeadline.map((programme) => programme.id));

    const ids = async (query: Record<string, string>) =>
      new Set(
        (
          await t.http.get('/api/programmes', { query: { hostInstitutionId: host.id, ...query } })
        ).body.items.map((item: { id: string }) => item.id),
      );
    expect(await ids({ term: 'autumn' })).toEqual(new Set([made[0].id, made[2].id, made[4].id]));
    expect(await ids({ academicYear: '2027/2028' })).toEqual(new Set([made[3].id, made[4].id]));
    expect(await ids({ academicYear: '2026/2027', term: 'spring' })).toEqual(new Set([made[1].id]));

    for (const [query, field] of [
      [{ term: 'winter' }, 'term'],
      [{ academicYear: '2026' }, 'academicYear'],
      [{ hostInstitutionId: 'nope' }, 'hostInstitutionId'],
      [{ status: 'secret' }, 'status'],
    ] as const) {
      const response = await t.http.get('/api/programmes', { query });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field })]);
    }
  });

  it('searches titles ignoring case and accents, through the trigram index', async () => {
    const host = await insertInstitution(t);
    const marker = tag();
    const programme = await insertProgramme(t, host.id, {
      status: 'published',
      title: `Été à Québec ${marker} – Université Laval`,
    });
    const found = await t.http.get('/api/programmes', { query: { q: `ete a quebec ${marker}` } });
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([programme.id]);
    const upper = await t.http.get('/api/programmes', { query: { q: `${marker} – UNIVERSITE` } });
    expect(upper.body.items.map((item: { id: string }) => item.id)).toEqual([programme.id]);
    const wildcard = await t.http.get('/api/programmes', { query: { q: `${marker}_` } });
    expect(wildcard.body.items).toEqual([]);

    const plan = await t.dataSource
      .transaction(async (manager) => {
        await manager.query(
          `INSERT INTO programmes (title, host_institution_id, academic_year, term, start_date, end_date,
             application_opens_at, application_closes_at, places)
           SELECT 'Planning semester ' || g, $1, '2026/2027', 'spring', '2027-02-01', '2027-06-30',
             '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z', 1
           FROM generate_series(1, 3000) AS g`,
          [host.id],
        );
        await manager.query('ANALYZE programmes');
        const rows: Array<Record<string, string>> = await manager.query(
          `EXPLAIN SELECT p.id FROM programmes p WHERE ${PROGRAMME_TITLE_MATCHES.replace(':q', '$1')}`,
          ['farabi'],
        );
        throw new PlanFound(rows.map((row) => row['QUERY PLAN']).join('\n'));
      })
      .catch((error: unknown) => {
        if (error instanceof PlanFound) return error.plan;
        throw error;
      });
    expect(plan).toContain('programmes_title_search_idx');
  });
});

/** Waits until some session of this database waits for a row lock (the PATCH behind the approval). */
async function waitForLockWait(t: TestApp): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [{ waiting }] = await t.dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT "Programme".%'`,
    );
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the PATCH never waited for the row lock');
}

/** Carries an EXPLAIN out of a transaction that must roll back. */
class PlanFound extends Error {
  constructor(readonly plan: string) {
    super('plan found');
  }
}
