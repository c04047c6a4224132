import { randomUUID } from 'node:crypto';
import { Faculty } from '../../src/institutions/faculty.entity.js';
import { Institution } from '../../src/institutions/institution.entity.js';
import { Programme } from '../../src/programmes/programme.entity.js';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
const MOTIVATION =
  'I study Russian and Kazakh and want to follow the language and culture courses at Al-Farabi.';

describe('Outgoing applications (e2e)', () => {
  let t: TestApp;
  let host: Institution;
  let advisor: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    host = await insertInstitution(t, {
      name: 'Al-Farabi Kazakh National University',
      countryCode: 'KZ',
      city: 'Almaty',
    });
    advisor = await t.createUser('advisor');
    coordinator = await t.createUser('coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The programmes the running test made, for the consistency check after it. */
  let programmeIds: string[] = [];
  beforeEach(() => {
    programmeIds = [];
  });
  // After every test, on its own programmes: each one's placesTaken equals its approved applications.
  afterEach(async () => {
    if (programmeIds.length === 0) return;
    const rows: Array<{ id: string; places_taken: number; approved: number }> = await t.dataSource.query(
      `SELECT p.id, p.places_taken,
              (SELECT count(*)::int FROM applications a WHERE a.placed_programme_id = p.id) AS approved
         FROM programmes p WHERE p.id = ANY($1::uuid[])`,
      [programmeIds],
    );
    expect(rows).toHaveLength(programmeIds.length);
    expect(rows.filter((row) => row.places_taken !== row.approved)).toEqual([]);
  });

  /** A programme made straight in the database: published, window open now, 5 places, spring 2025/2026. */
  async function createProgramme(fields: Partial<Programme> = {}): Promise<Programme> {
    const programme = await insertProgramme(t, host.id, {
      academicYear: '2025/2026',
      places: 5,
      status: 'published',
      ...fields,
    });
    programmeIds.push(programme.id);
    return programme;
  }

  /** A window that closed yesterday (mobility dates still after it). */
  const closedWindow = () => ({
    applicationOpensAt: new Date(Date.now() - 30 * DAY),
    applicationClosesAt: new Date(Date.now() - DAY),
  });

  async function placesTaken(programmeId: string): Promise<number> {
    const [row] = await t.dataSource.query('SELECT places_taken FROM programmes WHERE id = $1', [
      programmeId,
    ]);
    return row.places_taken as number;
  }

  async function draft(student: TestUser, choices: string[], extra: Record<string, unknown> = {}) {
    const response = await t.http.post(
      '/api/applications',
      { choices, motivation: MOTIVATION, ...extra },
      { token: student.token },
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function submitted(student: TestUser, choices: string[], extra: Record<string, unknown> = {}) {
    const application = await draft(student, choices, extra);
    const response = await t.http.post(`/api/applications/${application.id}/submit`, undefined, {
      token: student.token,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  const decide = (id: string, body: Record<string, unknown>, token = advisor.token) =>
    t.http.post(`/api/applications/${id}/decision`, body, { token });

  const fieldNames = (body: { fields?: Array<{ field: string }> }) => body.fields?.map(({ field }) => field);

  it('happy path: draft, edit, submit, found in the queue, approved, place taken, timeline with actors', async () => {
    const first = await createProgramme({ title: 'Semester at Al-Farabi, spring 2026' });
    const second = await createProgramme();
    const student = await t.createUser('student', {
      firstName: 'Aigerim',
      lastName: `Happy${randomUUID().slice(0, 6)}`,
    });

    const created = await t.http.post(
      '/api/applications',
      { choices: [first.id, second.id], motivation: 'Too short for now', gradeAverage: 14.5 },
      { token: student.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      academicYear: '2025/2026',
      term: 'spring',
      motivation: 'Too short for now',
      gradeAverage: 14.5,
      languageSkills: [],
      placedProgrammeId: null,
      submittedAt: null,
      version: 1,
      student: { id: student.id, email: student.email, firstName: 'Aigerim' },
      choices: [
        {
          rank: 1,
          programmeId: first.id,
          title: 'Semester at Al-Farabi, spring 2026',
          hostInstitutionId: host.id,
        },
        { rank: 2, programmeId: second.id, title: second.title, hostInstitutionId: host.id },
      ],
    });
    const id = created.body.id as string;

    const edited = await t.http.patch(
      `/api/applications/${id}`,
      {
        version: 1,
        motivation: MOTIVATION,
        languageSkills: [{ language: 'RU', cefrLevel: 'B2' }],
        choices: [second.id, first.id],
      },
      { token: student.token },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      motivation: MOTIVATION,
      gradeAverage: 14.5,
      languageSkills: [{ language: 'ru', cefrLevel: 'B2' }],
      choices: [
        { rank: 1, programmeId: second.id },
        { rank: 2, programmeId: first.id },
      ],
    });

    const submit = await t.http.post(`/api/applications/${id}/submit`, undefined, { token: student.token });
    expect(submit.status).toBe(200);
    expect(submit.body).toMatchObject({ status: 'submitted', version: 3 });
    expect(Date.parse(submit.body.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

    const queue = await t.http.get('/api/applications', {
      token: advisor.token,
      query: { status: 'submitted', programmeId: first.id, q: student.email.toUpperCase().slice(0, 20) },
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const byName = await t.http.get('/api/applications', {
      token: advisor.token,
      query: { q: 'aigerim happy' },
    });
    expect(byName.body.items.map((item: { id: string }) => item.id)).toContain(id);

    const before = await placesTaken(second.id);
    const approved = await decide(id, { outcome: 'approve', comment: 'Welcome aboard' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      placedProgrammeId: second.id,
      decisionComment: 'Welcome aboard',
      version: 4,
    });
    expect(approved.body.decidedAt).not.toBeNull();
    expect(await placesTaken(second.id)).toBe(before + 1);
    expect(await placesTaken(first.id)).toBe(0);
    const programme = await t.http.get(`/api/programmes/${second.id}`);
    expect(programme.body).toMatchObject({ placesTaken: before + 1, placesLeft: 5 - before - 1 });

    const read = await t.http.get(`/api/applications/${id}`, { token: student.token });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('approved');

    const timeline = await t.http.get(`/api/applications/${id}/events`, { token: student.token });
    expect(timeline.status).toBe(200);
    expect(timeline.body.nextCursor).toBeNull();
    expect(
      timeline.body.items.map((event: any) => [
        event.fromStatus,
        event.toStatus,
        event.actor.id,
        event.actor.role,
      ]),
    ).toEqual([
      [null, 'draft', student.id, 'student'],
      ['draft', 'submitted', student.id, 'student'],
      ['submitted', 'approved', advisor.id, 'advisor'],
    ]);
    expect(timeline.body.items[2]).toMatchObject({ comment: 'Welcome aboard', programmeId: second.id });
    expect(timeline.body.items[0].actor).not.toHaveProperty('email');
    const staffTimeline = await t.http.get(`/api/applications/${id}/events`, { token: coordinator.token });
    expect(staffTimeline.body.items).toHaveLength(3);
  });

  describe('choices', () => {
    it('refuses more than 3 choices, a repeated choice, mixed terms or years, unknown or unpublished programmes: each a 400 naming choices', async () => {
      const student = await t.createUser('student');
      const [a, b, c, d] = await Promise.all([
        createProgramme(),
        createProgramme(),
        createProgramme(),
        createProgramme(),
      ]);
      const autumn = await createProgramme({ term: 'autumn' });
      const nextYear = await createProgramme({ academicYear: '2026/2027' });
      const unpublished = await createProgramme({ status: 'draft' });
      const cases: Array<[string, unknown]> = [
        ['more than 3', [a.id, b.id, c.id, d.id]],
        ['repeated', [a.id, b.id, a.id]],
        ['mixed terms', [a.id, autumn.id]],
        ['mixed years', [a.id, nextYear.id]],
        ['unknown', [a.id, randomUUID()]],
        ['unpublished', [unpublished.id]],
        ['none', []],
        ['not ids', ['nope']],
        ['missing', undefined],
      ];
      for (const [name, choices] of cases) {
        const response = await t.http.post(
          '/api/applications',
          { choices, motivation: 'x' },
          { token: student.token },
        );
        expect([name, response.status, response.body.code]).toEqual([name, 400, 'VALIDATION_FAILED']);
        expect(fieldNames(response.body)?.[0]).toMatch(/^choices/);
      }
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM applications WHERE student_id = $1',
        [student.id],
      );
      expect(count).toBe(0);

      // The same rules hold when a draft changes its choices.
      const application = await draft(student, [a.id]);
      const mixed = await t.http.patch(
        `/api/applications/${application.id}`,
        { version: 1, choices: [a.id, autumn.id] },
        { token: student.token },
      );
      expect(mixed.status).toBe(400);
      expect(fieldNames(mixed.body)).toEqual(['choices']);
    });

    it('refuses bad grades, language skills and unknown fields with a 400 naming them', async () => {
      const student = await t.createUser('student');
      const programme = await createProgramme();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ gradeAverage: 20.5 }, 'gradeAverage'],
        [{ gradeAverage: -1 }, 'gradeAverage'],
        [{ gradeAverage: 12.345 }, 'gradeAverage'],
        [{ languageSkills: [{ language: 'russian', cefrLevel: 'B1' }] }, 'languageSkills.0.language'],
        [{ languageSkills: [{ language: 'ru', cefrLevel: 'B3' }] }, 'languageSkills.0.cefrLevel'],
        [
          {
            languageSkills: [
              { language: 'ru', cefrLevel: 'B1' },
              { language: 'ru', cefrLevel: 'C1' },
            ],
          },
          'languageSkills',
        ],
        [{ motivation: 'x'.repeat(5001) }, 'motivation'],
        [{ status: 'approved' }, 'status'],
      ];
      for (const [extra, field] of cases) {
        const response = await t.http.post(
          '/api/applications',
          { choices: [programme.id], ...extra },
          { token: student.token },
        );
        expect([field, response.status]).toEqual([field, 400]);
        expect(fieldNames(response.body)).toContain(field);
      }
    });
  });

  it('keeps one live application per student, academic year and term (409), and allows a new one after withdrawal', async () => {
    const student = await t.createUser('student');
    const [a, b] = await Promise.all([createProgramme(), createProgramme()]);
    const autumn = await createProgramme({ term: 'autumn' });
    const first = await draft(student, [a.id]);

    const second = await t.http.post('/api/applications', { choices: [b.id] }, { token: student.token });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('APPLICATION_ALREADY_EXISTS');

    // Another term is another application; moving it onto the taken term is the same 409.
    const other = await draft(student, [autumn.id]);
    const moved = await t.http.patch(
      `/api/applications/${other.id}`,
      { version: 1, choices: [b.id] },
      { token: student.token },
    );
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('APPLICATION_ALREADY_EXISTS');

    const withdrawn = await t.http.post(
      `/api/applications/${first.id}/withdraw`,
      {},
      { token: student.token },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await t.http.post('/api/applications', { choices: [b.id] }, { token: student.token });
    expect(again.status).toBe(201);

    const mine = await t.http.get('/api/applications', { token: student.token });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([
      again.body.id,
      other.id,
      first.id,
    ]);
  });

  it('hides a student’s application from another student (404 everywhere), and a draft from staff until it is submitted', async () => {
    const programme = await createProgramme();
    const owner = await t.createUser('student');
    const intruder = await t.createUser('student');
    const application = await draft(owner, [programme.id]);
    const url = `/api/applications/${application.id}`;

    const attempts = [
      await t.http.get(url, { token: intruder.token }),
      await t.http.patch(url, { version: 1, motivation: 'mine now' }, { token: intruder.token }),
      await t.http.post(`${url}/submit`, undefined, { token: intruder.token }),
      await t.http.post(`${url}/withdraw`, {}, { token: intruder.token }),
      await t.http.get(`${url}/events`, { token: intruder.token }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    const list = await t.http.get('/api/applications', { token: intruder.token });
    expect(list.body.items).toEqual([]);
    const [row] = await t.dataSource.query(
      'SELECT status, motivation, version FROM applications WHERE id = $1',
      [application.id],
    );
    expect(row).toEqual({ status: 'draft', motivation: MOTIVATION, version: 1 });

    // A draft is its student's alone: staff, an admin too, get 404 for it and its timeline...
    const admin = await t.createUser('admin');
    for (const staff of [advisor, coordinator, admin]) {
      for (const path of [url, `${url}/events`]) {
        const response = await t.http.get(path, { token: staff.token });
        expect([staff.role, path, response.status, response.body.code]).toEqual([
          staff.role,
          path,
          404,
          'NOT_FOUND',
        ]);
      }
      const decided = await decide(application.id, { outcome: 'waitlist' }, staff.token);
      expect(decided.status).toBe(staff.role === 'coordinator' ? 403 : 404);
    }
    // ...and read it once it is submitted.
    const submittedNow = await t.http.post(`${url}/submit`, undefined, { token: owner.token });
    expect(submittedNow.status).toBe(200);
    for (const staff of [advisor, coordinator, admin]) {
      expect((await t.http.get(url, { token: staff.token })).status).toBe(200);
      expect((await t.http.get(`${url}/events`, { token: staff.token })).body.items).toHaveLength(2);
    }
    // A draft withdrawn before it was ever submitted stays its student's alone.
    const other = await createProgramme({ term: 'autumn' });
    const neverSubmitted = await draft(owner, [other.id]);
    await t.http.post(`/api/applications/${neverSubmitted.id}/withdraw`, {}, { token: owner.token });
    expect(
      (await t.http.get(`/api/applications/${neverSubmitted.id}`, { token: advisor.token })).status,
    ).toBe(404);

    // Staff may not create applications.
    const staffCreate = await t.http.post(
      '/api/applications',
      { choices: [programme.id] },
      { token: advisor.token },
    );
    expect(staffCreate.status).toBe(403);
  });

  it('edits drafts only, with the current version (409 STALE_VERSION otherwise)', async () => {
    const student = await t.createUser('student');
    const programme = await createProgramme();
    const application = await draft(student, [programme.id]);
    const url = `/api/applications/${application.id}`;

    expect((await t.http.patch(url, { version: 1, gradeAverage: 12 }, { token: student.token })).status).toBe(
      200,
    );
    const stale = await t.http.patch(url, { version: 1, gradeAverage: 13 }, { token: student.token });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    const missing = await t.http.patch(url, { gradeAverage: 13 }, { token: student.token });
    expect(missing.status).toBe(400);
    expect(fieldNames(missing.body)).toEqual(['version']);

    await t.http.post(`${url}/submit`, undefined, { token: student.token });
    const late = await t.http.patch(url, { version: 3, gradeAverage: 19 }, { token: student.token });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPLICATION_NOT_EDITABLE');
    const [row] = await t.dataSource.query('SELECT grade_average FROM applications WHERE id = $1', [
      application.id,
    ]);
    expect(row.grade_average).toBe('12.00');
  });

  describe('submission', () => {
    it('is refused once a choice’s window has closed, or before it opens (409 APPLICATION_WINDOW_CLOSED)', async () => {
      const student = await t.createUser('student');
      const open = await createProgramme();
      const closed = await createProgramme(closedWindow());
      const notYet = await createProgramme({
        applicationOpensAt: new Date(Date.now() + DAY),
        applicationClosesAt: new Date(Date.now() + 10 * DAY),
      });
      const application = await draft(student, [open.id, closed.id]);
      const url = `/api/applications/${application.id}`;

      const refused = await t.http.post(`${url}/submit`, undefined, { token: student.token });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'APPLICATION_WINDOW_CLOSED', programmeId: closed.id });
      expect(refused.body.message).toContain(closed.title);

      await t.http.patch(url, { version: 1, choices: [notYet.id] }, { token: student.token });
      const early = await t.http.post(`${url}/submit`, undefined, { token: student.token });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('APPLICATION_WINDOW_CLOSED');

      const [row] = await t.dataSource.query('SELECT status, submitted_at FROM applications WHERE id = $1', [
        application.id,
      ]);
      expect(row).toEqual({ status: 'draft', submitted_at: null });
    });

    it('needs a motivation of 50 to 5,000 characters (409 naming motivation)', async () => {
      const student = await t.createUser('student');
      const programme = await createProgramme();
      const application = await draft(student, [programme.id], { motivation: 'Short.' });
      const response = await t.http.post(`/api/applications/${application.id}/submit`, undefined, {
        token: student.token,
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('APPLICATION_INCOMPLETE');
      expect(fieldNames(response.body)).toEqual(['motivation']);
    });

    it('checks eligibility by home faculty and language level (409 NOT_ELIGIBLE naming the rule)', async () => {
      const faculties = t.dataSource.getRepository(Faculty);
      const languages = await faculties.save({
        institutionId: host.id,
        name: 'Faculty of Languages',
        code: `L${randomUUID().slice(0, 6)}`,
      });
      const sciences = await faculties.save({
        institutionId: host.id,
        name: 'Faculty of Sciences',
        code: `S${randomUUID().slice(0, 6)}`,
      });
      const forLinguists = await createProgramme({ eligibleFacultyIds: [languages.id] });
      const inRussian = await createProgramme({ languageOfInstruction: 'ru', minLanguageLevel: 'B1' });

      const scientist = await t.createUser('student', { homeFacultyId: sciences.id });
      const wrongFaculty = await draft(scientist, [forLinguists.id]);
      const faculty = await t.http.post(`/api/applications/${wrongFaculty.id}/submit`, undefined, {
        token: scientist.token,
      });
      expect(faculty.status).toBe(409);
      expect(faculty.body).toMatchObject({ code: 'NOT_ELIGIBLE', rule: 'faculty' });
      expect(faculty.body.message).toMatch(/faculty/i);

      const linguist = await t.createUser('student', { homeFacultyId: languages.id });
      const weak = await draft(linguist, [forLinguists.id, inRussian.id], {
        languageSkills: [
          { language: 'ru', cefrLevel: 'A2' },
          { language: 'en', cefrLevel: 'C1' },
        ],
      });
      const language = await t.http.post(`/api/applications/${weak.id}/submit`, undefined, {
        token: linguist.token,
      });
      expect(language.status).toBe(409);
      expect(language.body).toMatchObject({
        code: 'NOT_ELIGIBLE',
        rule: 'language',
        programmeId: inRussian.id,
      });
      expect(language.body.message).toMatch(/language/i);

      await t.http.patch(
        `/api/applications/${weak.id}`,
        { version: 1, languageSkills: [{ language: 'ru', cefrLevel: 'B2' }] },
        { token: linguist.token },
      );
      const eligible = await t.http.post(`/api/applications/${weak.id}/submit`, undefined, {
        token: linguist.token,
      });
      expect(eligible.status).toBe(200);
      expect(eligible.body.status).toBe('submitted');
    });
  });

  describe('decisions', () => {
    it('refuses illegal transitions with 409 APPLICATION_INVALID_TRANSITION naming from and to', async () => {
      const programme = await createProgramme();
      const drafter = await t.createUser('student');
      const drafted = await draft(drafter, [programme.id]);
      // Staff cannot see a draft, so cannot decide it either.
      const approveDraft = await decide(drafted.id, { outcome: 'approve' });
      expect(approveDraft.status).toBe(404);
      expect(approveDraft.body.code).toBe('NOT_FOUND');

      const student = await t.createUser('student');
      const application = await submitted(student, [programme.id]);
      const twice = await t.http.post(`/api/applications/${application.id}/submit`, undefined, {
        token: student.token,
      });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({
        code: 'APPLICATION_INVALID_TRANSITION',
        from: 'submitted',
        to: 'submitted',
      });

      const noComment = await decide(application.id, { outcome: 'reject' });
      expect(noComment.status).toBe(400);
      expect(fieldNames(noComment.body)).toEqual(['comment']);
      const blankComment = await decide(application.id, { outcome: 'reject', comment: '   ' });
      expect(blankComment.status).toBe(400);

      const rejected = await decide(application.id, {
        outcome: 'reject',
        comment: 'Grades below the threshold',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        decisionComment: 'Grades below the threshold',
      });

      const withdrawRejected = await t.http.post(
        `/api/applications/${application.id}/withdraw`,
        {},
        {
          token: student.token,
        },
      );
      expect(withdrawRejected.status).toBe(409);
      expect(withdrawRejected.body).toMatchObject({
        code: 'APPLICATION_INVALID_TRANSITION',
        from: 'rejected',
        to: 'withdrawn',
      });
      const approveRejected = await decide(application.id, { outcome: 'approve' });
      expect(approveRejected.status).toBe(409);
      expect(await placesTaken(programme.id)).toBe(0);
    });

    it('approves onto the named choice only, and refuses a programme that is not a choice (400)', async () => {
      const [a, b, c] = await Promise.all([createProgramme(), createProgramme(), createProgramme()]);
      const student = await t.createUser('student');
      const application = await submitted(student, [a.id, b.id]);
      const notAChoice = await decide(application.id, { outcome: 'approve', programmeId: c.id });
      expect(notAChoice.status).toBe(400);
      expect(fieldNames(notAChoice.body)).toEqual(['programmeId']);
      const withWaitlist = await decide(application.id, { outcome: 'waitlist', programmeId: a.id });
      expect(withWaitlist.status).toBe(400);

      const approved = await decide(application.id, { outcome: 'approve', programmeId: b.id });
      expect(approved.status).toBe(200);
      expect(approved.body.placedProgrammeId).toBe(b.id);
      expect([await placesTaken(a.id), await placesTaken(b.id), await placesTaken(c.id)]).toEqual([0, 1, 0]);
    });

    it('places on the highest-ranked choice with a place left; none left is 409 PROGRAMME_FULL and changes nothing', async () => {
      const full = await createProgramme({ places: 0 });
      const open = await createProgramme({ places: 1 });
      const first = await submitted(await t.createUser('student'), [full.id, open.id]);
      const placed = await decide(first.id, { outcome: 'approve' });
      expect(placed.status).toBe(200);
      expect(placed.body.placedProgrammeId).toBe(open.id);

      const second = await submitted(await t.createUser('student'), [full.id, open.id]);
      const none = await decide(second.id, { outcome: 'approve' });
      expect(none.status).toBe(409);
      expect(none.body.code).toBe('PROGRAMME_FULL');
      const named = await decide(second.id, { outcome: 'approve', programmeId: open.id });
      expect(named.status).toBe(409);
      expect(named.body.code).toBe('PROGRAMME_FULL');
      const [row] = await t.dataSource.query(
        'SELECT status, placed_programme_id, version FROM applications WHERE id = $1',
        [second.id],
      );
      expect(row).toEqual({ status: 'submitted', placed_programme_id: null, version: second.version });
      expect([await placesTaken(full.id), await placesTaken(open.id)]).toEqual([0, 1]);
    });

    it('withdrawing an approved application frees its place, which a waitlisted one then takes', async () => {
      const programme = await createProgramme({ places: 1 });
      const alice = await t.createUser('student');
      const bob = await t.createUser('student');
      const a = await submitted(alice, [programme.id]);
      const b = await submitted(bob, [programme.id]);

      expect((await decide(a.id, { outcome: 'approve' })).status).toBe(200);
      expect((await decide(b.id, { outcome: 'approve' })).body.code).toBe('PROGRAMME_FULL');
      const waitlisted = await decide(b.id, { outcome: 'waitlist', comment: 'First on the waiting list' });
      expect(waitlisted.status).toBe(200);
      expect(waitlisted.body.status).toBe('waitlisted');
      expect(await placesTaken(programme.id)).toBe(1);

      const withdrawn = await t.http.post(
        `/api/applications/${a.id}/withdraw`,
        { comment: 'I got a scholarship elsewhere' },
        { token: alice.token },
      );
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', placedProgrammeId: null });
      expect(withdrawn.body.withdrawnAt).not.toBeNull();
      expect(await placesTaken(programme.id)).toBe(0);

      const promoted = await decide(b.id, { outcome: 'approve' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ status: 'approved', placedProgrammeId: programme.id });
      expect(await placesTaken(programme.id)).toBe(1);

      const events = await t.http.get(`/api/applications/${a.id}/events`, { token: advisor.token });
      expect(events.body.items.at(-1)).toMatchObject({
        fromStatus: 'approved',
        toStatus: 'withdrawn',
        comment: 'I got a scholarship elsewhere',
        programmeId: programme.id,
        actor: { id: alice.id },
      });
    });

    it('lets advisors and admins decide; coordinators read but may not decide', async () => {
      const programme = await createProgramme();
      const application = await submitted(await t.createUser('student'), [programme.id]);
      expect((await decide(application.id, { outcome: 'waitlist' }, coordinator.token)).status).toBe(403);
      const admin = await t.createUser('admin');
      const decided = await decide(application.id, { outcome: 'waitlist' }, admin.token);
      expect(decided.status).toBe(200);
      const read = await t.http.get(`/api/applications/${application.id}`, { token: coordinator.token });
      expect(read.body.status).toBe('waitlisted');
    });
  });

  describe('the facts eligibility rests on', () => {
    async function twoFaculties() {
      const faculties = t.dataSource.getRepository(Faculty);
      const languages = await faculties.save({
        institutionId: host.id,
        name: 'Faculty of Languages',
        code: `L${randomUUID().slice(0, 6)}`,
      });
      const sciences = await faculties.save({
        institutionId: host.id,
        name: 'Faculty of Sciences',
        code: `S${randomUUID().slice(0, 6)}`,
      });
      return { languages, sciences };
    }

    const homeFacultyOf = async (id: string) =>
      (await t.dataSource.query('SELECT home_faculty_id FROM users WHERE id = $1', [id]))[0].home_faculty_id;

    it('a student cannot make themselves eligible: the home faculty is set once, then only by staff (409 HOME_FACULTY_LOCKED)', async () => {
      const { languages, sciences } = await twoFaculties();
      const forLinguists = await createProgramme({ eligibleFacultyIds: [languages.id] });
      const admin = await t.createUser('admin');

      // Set at registration; the attack: NOT_ELIGIBLE, switch faculty, submit, switch back.
      const scientist = await t.createUser('student', { homeFacultyId: sciences.id });
      const application = await draft(scientist, [forLinguists.id]);
      const submit = () =>
        t.http.post(`/api/applications/${application.id}/submit`, undefined, { token: scientist.token });
      expect((await submit()).body).toMatchObject({ code: 'NOT_ELIGIBLE', rule: 'faculty' });
      for (const homeFacultyId of [languages.id, null]) {
        const refused = await t.http.patch('/api/auth/me', { homeFacultyId }, { token: scientist.token });
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('HOME_FACULTY_LOCKED');
        expect(fieldNames(refused.body)).toEqual(['homeFacultyId']);
        expect(refused.body.message).toMatch(/only staff/);
      }
      // Sending the same faculty again, or other fields, is fine.
      const same = await t.http.patch(
        '/api/auth/me',
        { homeFacultyId: sciences.id, studyYear: 2 },
        { token: scientist.token },
      );
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ homeFacultyId: sciences.id, studyYear: 2 });
      expect(await homeFacultyOf(scientist.id)).toBe(sciences.id);
      expect((await submit()).status).toBe(409);

      // A student without one sets it once, themselves.
      const newcomer = await t.createUser('student');
      const first = await t.http.patch(
        '/api/auth/me',
        { homeFacultyId: languages.id },
        { token: newcomer.token },
      );
      expect(first.status).toBe(200);
      expect(first.body.homeFacultyId).toBe(languages.id);
      const second = await t.http.patch(
        '/api/auth/me',
        { homeFacultyId: sciences.id },
        { token: newcomer.token },
      );
      expect(second.body.code).toBe('HOME_FACULTY_LOCKED');
      expect(await homeFacultyOf(newcomer.id)).toBe(languages.id);

      // Staff change it (an admin through PATCH /api/users/:id), audited; an advisor may not.
      const byAdvisor = await t.http.patch(
        `/api/users/${scientist.id}`,
        { homeFacultyId: languages.id },
        { token: advisor.token },
      );
      expect(byAdvisor.status).toBe(403);
      const moved = await t.http.patch(
        `/api/users/${scientist.id}`,
        { homeFacultyId: languages.id },
        { token: admin.token },
      );
      expect(moved.status).toBe(200);
      expect(moved.body.homeFacultyId).toBe(languages.id);
      const trail = await t.http.get('/api/audit', {
        token: admin.token,
        query: { action: 'user.home-faculty.changed', targetId: scientist.id },
      });
      expect(trail.body.items).toEqual([
        expect.objectContaining({
          actorId: admin.id,
          details: { from: sciences.id, to: languages.id },
        }),
      ]);
      expect((await submit()).status).toBe(200);
    });

    it('a decision re-checks eligibility against the current faculty and verified levels (409 NOT_ELIGIBLE naming the rule)', async () => {
      const { languages, sciences } = await twoFaculties();
      const admin = await t.createUser('admin');
      const forLinguists = await createProgramme({ eligibleFacultyIds: [languages.id] });
      const inRussian = await createProgramme({ languageOfInstruction: 'ru', minLanguageLevel: 'B1' });
      const linguist = await t.createUser('student', { homeFacultyId: languages.id });
      const application = await submitted(linguist, [forLinguists.id, inRussian.id], {
        languageSkills: [
          { language: 'ru', cefrLevel: 'B2' },
          { language: 'en', cefrLevel: 'C1' },
        ],
      });
      expect(application.languageSkills).toEqual([
        {
          language: 'ru',
          cefrLevel: 'B2',
          status: 'declared',
          declaredLevel: 'B2',
          verifiedById: null,
          verifiedAt: null,
        },
        expect.objectContaining({ language: 'en', status: 'declared' }),
      ]);
      const id = application.id as string;
      const unchanged = async () => {
        const [row] = await t.dataSource.query(
          'SELECT status, placed_programme_id, version FROM applications WHERE id = $1',
          [id],
        );
        return row;
      };
      const before = await unchanged();

      // Staff moved the student to another faculty after submission.
      await t.http.patch(`/api/users/${linguist.id}`, { homeFacultyId: sciences.id }, { token: admin.token });
      for (const outcome of ['approve', 'waitlist']) {
        const refused = await decide(id, { outcome });
        expect([outcome, refused.status]).toEqual([outcome, 409]);
        expect(refused.body).toMatchObject({
          code: 'NOT_ELIGIBLE',
          rule: 'faculty',
          programmeId: forLinguists.id,
        });
      }
      expect(await unchanged()).toEqual(before);
      expect([await placesTaken(forLinguists.id), await placesTaken(inRussian.id)]).toEqual([0, 0]);
      await t.http.patch(
        `/api/users/${linguist.id}`,
        { homeFacultyId: languages.id },
        { token: admin.token },
      );

      // The advisor verifies Russian at A2, not the declared B2: the language rule now fails.
      const verified = await t.http.patch(
        `/api/applications/${id}/language-skills/0`,
        { cefrLevel: 'A2' },
        { token: advisor.token },
      );
      expect(verified.status).toBe(200);
      expect(verified.body.languageSkills[0]).toEqual({
        language: 'ru',
        cefrLevel: 'A2',
        status: 'verified',
        declaredLevel: 'B2',
        verifiedById: advisor.id,
        verifiedAt: expect.any(String),
      });
      expect(verified.body.languageSkills[1]).toMatchObject({ language: 'en', status: 'declared' });
      const weak = await decide(id, { outcome: 'approve' });
      expect(weak.status).toBe(409);
      expect(weak.body).toMatchObject({ code: 'NOT_ELIGIBLE', rule: 'language', programmeId: inRussian.id });
      expect(await unchanged()).toEqual({ ...before, version: before.version + 1 });

      // Verified at B1 after all: eligible again, approved.
      await t.http.patch(
        `/api/applications/${id}/language-skills/0`,
        { cefrLevel: 'B1' },
        { token: advisor.token },
      );
      const approved = await decide(id, { outcome: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.placedProgrammeId).toBe(forLinguists.id);
      const trail = await t.http.get('/api/audit', {
        token: admin.token,
        query: { action: 'application.language-skill.verified', targetId: id },
      });
      expect(trail.body.items.map((entry: any) => [entry.actorId, entry.details.to])).toEqual(
        expect.arrayContaining([
          [advisor.id, 'A2'],
          [advisor.id, 'B1'],
        ]),
      );

      // A rejection needs no eligibility.
      const other = await submitted(await t.createUser('student', { homeFacultyId: languages.id }), [
        forLinguists.id,
      ]);
      await t.dataSource.query('UPDATE programmes SET eligible_faculty_ids = $2 WHERE id = $1', [
        forLinguists.id,
        [sciences.id],
      ]);
      expect((await decide(other.id, { outcome: 'waitlist' })).body.rule).toBe('faculty');
      expect((await decide(other.id, { outcome: 'reject', comment: 'Not eligible any more' })).status).toBe(
        200,
      );
    });

    it('verifying a language skill: advisors and admins only, an existing index, while a decision is awaited', async () => {
      const programme = await createProgramme();
      const student = await t.createUser('student');
      const application = await submitted(student, [programme.id], {
        languageSkills: [{ language: 'kk', cefrLevel: 'B1' }],
      });
      const url = (index: string | number) => `/api/applications/${application.id}/language-skills/${index}`;
      const cases: Array<[string, string | number, unknown, string, number]> = [
        ['no such skill', 1, { cefrLevel: 'B1' }, advisor.token, 404],
        ['negative index', -1, { cefrLevel: 'B1' }, advisor.token, 404],
        ['not an index', 'first', { cefrLevel: 'B1' }, advisor.token, 400],
        ['unknown level', 0, { cefrLevel: 'B3' }, advisor.token, 400],
        ['unknown field', 0, { cefrLevel: 'B1', status: 'verified' }, advisor.token, 400],
        ['the student', 0, { cefrLevel: 'C2' }, student.token, 403],
        ['a coordinator', 0, { cefrLevel: 'C2' }, coordinator.token, 403],
      ];
      for (const [name, index, body, token, status] of cases) {
        const response = await t.http.patch(url(index), body, { token });
        expect([name, response.status]).toEqual([name, status]);
      }
      const [{ language_skills: skills }] = await t.dataSource.query(
        'SELECT language_skills FROM applications WHERE id = $1',
        [application.id],
      );
      expect(skills).toEqual([expect.objectContaining({ cefrLevel: 'B1', status: 'declared' })]);

      expect((await decide(application.id, { outcome: 'approve' })).status).toBe(200);
      const late = await t.http.patch(url(0), { cefrLevel: 'B1' }, { token: advisor.token });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('APPLICATION_NOT_EDITABLE');
    });

    it('nobody decides their own application: a student later made advisor gets 403', async () => {
      const programme = await createProgramme({ places: 1 });
      const student = await t.createUser('student');
      const application = await submitted(student, [programme.id], {
        languageSkills: [{ language: 'ru', cefrLevel: 'B1' }],
      });
      const admin = await t.createUser('admin');
      const promoted = await t.http.patch(
        `/api/users/${student.id}`,
        { role: 'advisor' },
        { token: admin.token },
      );
      expect(promoted.status).toBe(200);

      for (const outcome of ['approve', 'waitlist']) {
        const own = await decide(application.id, { outcome }, student.token);
        expect([outcome, own.status]).toEqual([outcome, 403]);
        expect(own.body.code).toBe('APPLICATION_OWN_DECISION');
      }
      const ownSkill = await t.http.patch(
        `/api/applications/${application.id}/language-skills/0`,
        { cefrLevel: 'C2' },
        { token: student.token },
      );
      expect(ownSkill.status).toBe(403);
      expect(ownSkill.body.code).toBe('APPLICATION_OWN_DECISION');
      // Made admin, the same.
      await t.http.patch(`/api/users/${student.id}`, { role: 'admin' }, { token: admin.token });
      expect((await decide(application.id, { outcome: 'approve' }, student.token)).status).toBe(403);

      const [row] = await t.dataSource.query(
        'SELECT status, placed_programme_id, version, language_skills FROM applications WHERE id = $1',
        [application.id],
      );
      expect(row).toMatchObject({
        status: 'submitted',
        placed_programme_id: null,
        version: application.version,
      });
      expect(row.language_skills[0]).toMatchObject({ cefrLevel: 'B1', status: 'declared' });
      expect(await placesTaken(programme.id)).toBe(0);

      // Someone else decides it.
      expect((await decide(application.id, { outcome: 'approve' })).status).toBe(200);
    });
  });

  describe('review queue', () => {
    it('lists submissions oldest first in keyset pages, never drafts, with filters', async () => {
      const programme = await createProgramme({ academicYear: '2027/2028', term: 'full-year' });
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        ids.push((await submitted(await t.createUser('student'), [programme.id])).id);
      }
      const drafter = await t.createUser('student');
      const drafted = await draft(drafter, [programme.id]);

      const first = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { programmeId: programme.id, limit: 2 },
      });
      expect(first.status).toBe(200);
      expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 2));
      expect(first.body.items[0].student).toMatchObject({ email: expect.stringContaining('@') });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t.http.get('/api/applications', {
        token: coordinator.token,
        query: { programmeId: programme.id, limit: 2, cursor: first.body.nextCursor },
      });
      expect(second.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(2));
      expect(second.body.nextCursor).toBeNull();

      const byTerm = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { academicYear: '2027/2028', term: 'full-year', limit: 100 },
      });
      expect(byTerm.body.items.map((item: { id: string }) => item.id)).toEqual(ids);
      const otherTerm = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { programmeId: programme.id, term: 'autumn' },
      });
      expect(otherTerm.body.items).toEqual([]);

      const drafts = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { status: 'draft' },
      });
      expect(drafts.status).toBe(400);
      expect(fieldNames(drafts.body)).toEqual(['status']);
      const own = await t.http.get('/api/applications', { token: drafter.token, query: { status: 'draft' } });
      expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([drafted.id]);

      const badCursor = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { cursor: 'garbage' },
      });
      expect(badCursor.status).toBe(400);
      const badYear = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { academicYear: '2027' },
      });
      expect(badYear.status).toBe(400);
    });
  });
});
