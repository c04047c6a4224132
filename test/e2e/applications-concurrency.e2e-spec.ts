import { Institution } from '../../src/institutions/institution.entity.js';
import { Programme } from '../../src/programmes/programme.entity.js';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const MOTIVATION =
  'I study Russian and Kazakh and want to follow the language and culture courses at Al-Farabi.';

/** Places are settled by the database: requests fired at once, through HTTP, never overbook. */
describe('Outgoing applications under concurrency (e2e)', () => {
  let t: TestApp;
  let host: Institution;
  let advisor: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    host = await insertInstitution(t, {
      name: 'Al-Farabi Kazakh National University',
      countryCode: 'KZ',
      city: 'Almaty',
    });
    advisor = await t.createUser('advisor');
  });
  afterAll(async () => {
    await t.close();
  });

  function createProgramme(places: number): Promise<Programme> {
    return insertProgramme(t, host.id, { academicYear: '2025/2026', places, status: 'published' });
  }

  /** A student with a submitted application to these programmes. */
  async function submittedApplication(choices: string[]): Promise<{ id: string; student: TestUser }> {
    const student = await t.createUser('student');
    const created = await t.http.post(
      '/api/applications',
      { choices, motivation: MOTIVATION },
      { token: student.token },
    );
    expect(created.status).toBe(201);
    const submit = await t.http.post(`/api/applications/${created.body.id}/submit`, undefined, {
      token: student.token,
    });
    expect(submit.status).toBe(200);
    return { id: created.body.id as string, student };
  }

  const approve = (id: string) =>
    t.http.post(`/api/applications/${id}/decision`, { outcome: 'approve' }, { token: advisor.token });

  async function programmeRow(
    id: string,
  ): Promise<{ places: number; places_taken: number; approved: number }> {
    const [row] = await t.dataSource.query(
      `SELECT p.places, p.places_taken,
              (SELECT count(*)::int FROM applications a WHERE a.placed_programme_id = p.id AND a.status = 'approved') AS approved
         FROM programmes p WHERE p.id = $1`,
      [id],
    );
    return row;
  }

  it('40 approvals fired at once on a programme with 5 places: exactly 5 succeed, 35 are PROGRAMME_FULL', async () => {
    const programme = await createProgramme(5);
    const applications = await Promise.all(
      Array.from({ length: 40 }, () => submittedApplication([programme.id])),
    );

    const responses = await Promise.all(applications.map(({ id }) => approve(id)));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(35);
    expect(
      responses
        .filter((response) => response.status === 409)
        .every((response) => response.body.code === 'PROGRAMME_FULL'),
    ).toBe(true);
    expect(await programmeRow(programme.id)).toEqual({ places: 5, places_taken: 5, approved: 5 });

    // The winners are exactly the approved rows; every loser is still submitted, with one event fewer.
    const winners = responses
      .filter((response) => response.status === 200)
      .map((response) => response.body.id as string);
    const approvedRows: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM applications WHERE placed_programme_id = $1 ORDER BY id`,
      [programme.id],
    );
    expect(approvedRows.map((row) => row.id)).toEqual([...winners].sort());
    const [{ submitted }] = await t.dataSource.query(
      `SELECT count(*)::int AS submitted FROM applications a
        WHERE a.status = 'submitted' AND EXISTS (SELECT 1 FROM application_choices c WHERE c.application_id = a.id AND c.programme_id = $1)`,
      [programme.id],
    );
    expect(submitted).toBe(35);
    const [{ approvals }] = await t.dataSource.query(
      `SELECT count(*)::int AS approvals FROM application_events WHERE to_status = 'approved' AND programme_id = $1`,
      [programme.id],
    );
    expect(approvals).toBe(5);

    const read = await t.http.get(`/api/programmes/${programme.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ placesTaken: 5, placesLeft: 0 });
  });

  it('spills over to the next choice under contention, and never past the places of any choice', async () => {
    const first = await createProgramme(3);
    const second = await createProgramme(2);
    const applications = await Promise.all(
      Array.from({ length: 12 }, () => submittedApplication([first.id, second.id])),
    );

    const responses = await Promise.all(applications.map(({ id }) => approve(id)));

    const placedOn = responses
      .filter((response) => response.status === 200)
      .map((response) => response.body.placedProgrammeId);
    expect(placedOn.filter((id) => id === first.id)).toHaveLength(3);
    expect(placedOn.filter((id) => id === second.id)).toHaveLength(2);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(7);
    expect(await programmeRow(first.id)).toEqual({ places: 3, places_taken: 3, approved: 3 });
    expect(await programmeRow(second.id)).toEqual({ places: 2, places_taken: 2, approved: 2 });
  });

  it('two decisions on one application at once: only one applies', async () => {
    const programme = await createProgramme(5);
    for (let round = 0; round < 5; round += 1) {
      const { id } = await submittedApplication([programme.id]);
      const [one, other] = await Promise.all([
        approve(id),
        t.http.post(
          `/api/applications/${id}/decision`,
          { outcome: 'reject', comment: 'No' },
          { token: advisor.token },
        ),
      ]);
      expect([one.status, other.status].sort((a, b) => a - b)).toEqual([200, 409]);
      const loser = one.status === 409 ? one : other;
      expect(loser.body.code).toBe('APPLICATION_INVALID_TRANSITION');
      const [{ events }] = await t.dataSource.query(
        `SELECT count(*)::int AS events FROM application_events WHERE application_id = $1`,
        [id],
      );
      expect(events).toBe(3);
    }
    // Each approval that won took exactly one place; rejections took none.
    const row = await programmeRow(programme.id);
    expect(row.places_taken).toBe(row.approved);
  });

  it('the same approval sent twice at once takes one place', async () => {
    const programme = await createProgramme(5);
    const { id } = await submittedApplication([programme.id]);
    const responses = await Promise.all([approve(id), approve(id), approve(id)]);
    expect(responses.map((response) => response.status).sort((a, b) => a - b)).toEqual([200, 409, 409]);
    expect(await programmeRow(programme.id)).toEqual({ places: 5, places_taken: 1, approved: 1 });
  });

  it('a withdrawal racing approvals for the freed place: places taken always equal the approved applications', async () => {
    const programme = await createProgramme(1);
    const holder = await submittedApplication([programme.id]);
    expect((await approve(holder.id)).status).toBe(200);
    const waiting = await Promise.all(Array.from({ length: 6 }, () => submittedApplication([programme.id])));

    const [withdrawal, ...approvals] = await Promise.all([
      t.http.post(`/api/applications/${holder.id}/withdraw`, {}, { token: holder.student.token }),
      ...waiting.map(({ id }) => approve(id)),
    ]);
    expect(withdrawal.status).toBe(200);
    expect(approvals.filter((response) => response.status === 200).length).toBeLessThanOrEqual(1);
    const row = await programmeRow(programme.id);
    expect(row.places_taken).toBe(row.approved);
    expect(row.places_taken).toBeLessThanOrEqual(1);
  });

  it('two drafts for one term created at once: one is 201, the other 409 APPLICATION_ALREADY_EXISTS', async () => {
    const programme = await createProgramme(5);
    const student = await t.createUser('student');
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http.post('/api/applications', { choices: [programme.id] }, { token: student.token }),
      ),
    );
    expect(responses.map((response) => response.status).sort((a, b) => a - b)).toEqual([201, 409, 409, 409]);
    expect(
      responses
        .filter((response) => response.status === 409)
        .every((r) => r.body.code === 'APPLICATION_ALREADY_EXISTS'),
    ).toBe(true);
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM applications WHERE student_id = $1',
      [student.id],
    );
    expect(count).toBe(1);
  });
});
