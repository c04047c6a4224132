import {
  dayFromToday,
  hostFaculty,
  nomination,
  partnerInstitution,
  shortTag,
} from '../support/incoming-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/** Years from a random start that no other test file uses, one after another: never one twice. */
let nextYear = 2100 + Math.floor(Math.random() * 700);

/** An academic year no other test (of this file or another) uses, so the figures are its rows only. */
function unusedAcademicYear(): string {
  const first = nextYear++;
  return `${first}/${first + 1}`;
}

describe('Statistics overview (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  /** The year of the running test: each test counts its own rows only. */
  let year: string;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
  });
  beforeEach(() => {
    year = unusedAcademicYear();
  });
  afterAll(async () => {
    await t.close();
  });

  const overview = (academicYear: string | undefined, token = coordinator.token) =>
    t.http.get('/api/stats/overview', { token, query: { academicYear } });

  async function insertProgramme(
    hostId: string,
    places: number,
    placesTaken: number,
    status: string,
    academicYear = year,
  ) {
    const [row] = await t.dataSource.query(
      `INSERT INTO programmes (title, host_institution_id, academic_year, term, start_date, end_date,
         application_opens_at, application_closes_at, places, places_taken, status)
       VALUES ($1, $2, $3, 'spring', $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        `Programme ${shortTag()}`,
        hostId,
        academicYear,
        `${academicYear.slice(5)}-02-01`,
        `${academicYear.slice(5)}-06-30`,
        `${academicYear.slice(0, 4)}-10-01T00:00:00Z`,
        `${academicYear.slice(0, 4)}-12-01T00:00:00Z`,
        places,
        placesTaken,
        status,
      ],
    );
    return row.id as string;
  }

  /** An application straight in the database: its status, its ranked choices, the programme it holds. */
  async function insertApplication(
    academicYear: string,
    status: string,
    choices: string[],
    placedProgrammeId: string | null = null,
  ) {
    const student = await t.createUser('student');
    const [row] = await t.dataSource.query(
      `INSERT INTO applications (student_id, academic_year, term, status, placed_programme_id, submitted_at,
         decision_comment, version)
       VALUES ($1, $2, 'spring', $3::varchar, $4::uuid, CASE WHEN $3::varchar IN ('draft', 'withdrawn') THEN NULL ELSE now() END,
         CASE WHEN $3::varchar = 'rejected' THEN 'Not this time' END, 1)
       RETURNING id`,
      [student.id, academicYear, status, placedProgrammeId],
    );
    for (const [index, programmeId] of choices.entries()) {
      await t.dataSource.query(
        `INSERT INTO application_choices (application_id, rank, programme_id) VALUES ($1, $2, $3)`,
        [row.id, index + 1, programmeId],
      );
    }
  }

  it('is for coordinators and admins only, and needs a valid academicYear (400 naming it)', async () => {
    for (const role of ['student', 'advisor', 'editor'] as const) {
      const user = await t.createUser(role);
      expect((await overview('2025/2026', user.token)).status).toBe(403);
    }
    expect((await t.http.get('/api/stats/overview', { query: { academicYear: '2025/2026' } })).status).toBe(
      401,
    );
    const admin = await t.createUser('admin');
    expect((await overview('2025/2026', admin.token)).status).toBe(200);
    for (const bad of [undefined, '2025', '2025/2027', '2025-2026']) {
      const response = await overview(bad);
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { field: string }) => field.field)).toEqual(['academicYear']);
    }
  });

  it('answers zeros for a year with nothing in it', async () => {
    const response = await overview(unusedAcademicYear());
    expect(response.status).toBe(200);
    expect(response.body.incoming).toMatchObject({
      total: 0,
      byStatus: { nominated: 0, accepted: 0, arrived: 0, departed: 0, cancelled: 0 },
      byHomeInstitution: [],
    });
    expect(response.body.outgoing).toEqual({
      total: 0,
      byStatus: {
        draft: 0,
        submitted: 0,
        approved: 0,
        waitlisted: 0,
        rejected: 0,
        withdrawn: 0,
        confirmed: 0,
        declined: 0,
      },
      byHostInstitution: [],
      places: { offered: 0, taken: 0, left: 0, programmes: 0 },
    });
    expect(response.body.outgoingMobilities).toEqual({
      total: 0,
      byStatus: { nomination: 0, live: 0, recognized: 0, cancelled: 0 },
      byHostInstitution: [],
    });
    expect(response.body.today).toBe(dayFromToday(0));
  });

  it('counts incoming students by status and by home institution', async () => {
    const first = await partnerInstitution(t, 'First Partner');
    const second = await partnerInstitution(t, 'Second Partner');
    const faculty = await hostFaculty(t);
    const nominate = async (partnerId: string, moves: Array<Record<string, string>>) => {
      const created = await t.http.post(
        '/api/incoming',
        nomination(partnerId, faculty.id, { academicYear: year }),
        {
          token: coordinator.token,
        },
      );
      expect(created.status).toBe(201);
      for (const body of moves) {
        const moved = await t.http.post(`/api/incoming/${created.body.id}/transition`, body, {
          token: coordinator.token,
        });
        expect(moved.status).toBe(200);
      }
    };
    await nominate(first.id, []);
    await nominate(first.id, [{ to: 'accepted' }]);
    await nominate(first.id, [{ to: 'accepted' }, { to: 'arrived', date: dayFromToday(-10) }]);
    await nominate(second.id, [{ to: 'cancelled' }]);
    // Another year's student does not count.
    await t.http.post('/api/incoming', nomination(second.id, faculty.id, { academicYear: '2025/2026' }), {
      token: coordinator.token,
    });

    const response = await overview(year);
    expect(response.status).toBe(200);
    expect(response.body.academicYear).toBe(year);
    expect(response.body.incoming).toMatchObject({
      total: 4,
      byStatus: { nominated: 1, accepted: 1, arrived: 1, departed: 0, cancelled: 1 },
      byHomeInstitution: [
        {
          institutionId: first.id,
          schacCode: first.schacCode,
          name: expect.stringContaining('First Partner'),
          total: 3,
          byStatus: { nominated: 1, accepted: 1, arrived: 1, departed: 0, cancelled: 0 },
        },
        {
          institutionId: second.id,
          schacCode: second.schacCode,
          total: 1,
          byStatus: { nominated: 0, accepted: 0, arrived: 0, departed: 0, cancelled: 1 },
        },
      ],
    });
  });

  it('counts who is on campus today as the presentOn filter does', async () => {
    const partner = await partnerInstitution(t);
    const faculty = await hostFaculty(t);
    const arrive = async (arrival: string, departure?: string) => {
      const { body } = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { academicYear: year }),
        {
          token: coordinator.token,
        },
      );
      await t.http.post(
        `/api/incoming/${body.id}/transition`,
        { to: 'accepted' },
        { token: coordinator.token },
      );
      await t.http.post(
        `/api/incoming/${body.id}/transition`,
        { to: 'arrived', date: arrival },
        { token: coordinator.token },
      );
      if (departure) {
        await t.http.post(
          `/api/incoming/${body.id}/transition`,
          { to: 'departed', date: departure },
          {
            token: coordinator.token,
          },
        );
      }
    };
    await arrive(dayFromToday(0));
    await arrive(dayFromToday(-20));
    await arrive(dayFromToday(-20), dayFromToday(0));
    await arrive(dayFromToday(-20), dayFromToday(-1));

    // Other test files may record arrivals meanwhile: compare within a window where the count held still.
    const presentNow = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS count FROM incoming_mobilities
            WHERE actual_arrival <= $1 AND (actual_departure IS NULL OR actual_departure >= $1)`,
          [dayFromToday(0)],
        )
      )[0].count as number;
    let checked = false;
    for (let attempt = 0; attempt < 5 && !checked; attempt++) {
      const before = await presentNow();
      const response = await overview(year);
      const after = await presentNow();
      if (before !== after) continue;
      expect(response.body.incoming.onCampusToday).toBe(before);
      checked = true;
    }
    expect(checked).toBe(true);
    const listed = await t.http.get('/api/incoming', {
      token: coordinator.token,
      query: { homeInstitutionId: partner.id, presentOn: dayFromToday(0) },
    });
    expect(listed.body.items).toHaveLength(3);
  });

  it("sums the places offered and taken by the year's published and archived programmes", async () => {
    const host = await partnerInstitution(t, 'Host');
    await insertProgramme(host.id, 5, 2, 'published');
    await insertProgramme(host.id, 3, 3, 'archived');
    await insertProgramme(host.id, 10, 0, 'draft');
    const response = await overview(year);
    expect(response.body.outgoing.places).toEqual({ offered: 8, taken: 5, left: 3, programmes: 2 });
  });

  it("counts outgoing applications by status and by host: the placed programme's host, else the first choice's", async () => {
    const outgoingYear = unusedAcademicYear();
    const farabi = await partnerInstitution(t, 'Kazakh Host');
    const other = await partnerInstitution(t, 'Other Host');
    const atFarabi = await insertProgramme(farabi.id, 5, 1, 'published', outgoingYear);
    const atOther = await insertProgramme(other.id, 2, 0, 'published', outgoingYear);
    // Placed on the first host though the first choice was elsewhere: counted at the first host.
    await insertApplication(outgoingYear, 'approved', [atOther, atFarabi], atFarabi);
    await insertApplication(outgoingYear, 'submitted', [atFarabi, atOther]);
    await insertApplication(outgoingYear, 'draft', [atFarabi]);
    await insertApplication(outgoingYear, 'rejected', [atOther]);
    await insertApplication(outgoingYear, 'withdrawn', [atOther, atFarabi]);
    // Another year's application does not count.
    await insertApplication(year, 'submitted', [await insertProgramme(farabi.id, 1, 0, 'draft')]);

    const response = await overview(outgoingYear);
    expect(response.status).toBe(200);
    const { outgoing } = response.body;
    expect(outgoing.total).toBe(5);
    expect(outgoing.byStatus).toEqual({
      draft: 1,
      submitted: 1,
      approved: 1,
      waitlisted: 0,
      rejected: 1,
      withdrawn: 1,
      confirmed: 0,
      declined: 0,
    });
    expect(outgoing.places).toEqual({ offered: 7, taken: 1, left: 6, programmes: 2 });
    expect(outgoing.byHostInstitution).toEqual([
      {
        institutionId: farabi.id,
        name: expect.stringContaining('Kazakh Host'),
        schacCode: farabi.schacCode,
        total: 3,
        byStatus: {
          draft: 1,
          submitted: 1,
          approved: 1,
          waitlisted: 0,
          rejected: 0,
          withdrawn: 0,
          confirmed: 0,
          declined: 0,
        },
      },
      {
        institutionId: other.id,
        name: expect.stringContaining('Other Host'),
        schacCode: other.schacCode,
        total: 2,
        byStatus: {
          draft: 0,
          submitted: 0,
          approved: 0,
          waitlisted: 0,
          rejected: 1,
          withdrawn: 1,
          confirmed: 0,
          declined: 0,
        },
      },
    ]);
  });

  /** An outgoing mobility straight in the database: a confirmed application and its mobility to `hostId`. */
  async function insertMobility(academicYear: string, hostId: string, status: string) {
    const programmeId = await insertProgramme(hostId, 5, 1, 'published', academicYear);
    const student = await t.createUser('student');
    const [application] = await t.dataSource.query(
      `INSERT INTO applications (student_id, academic_year, term, status, placed_programme_id, submitted_at,
         decided_at, confirmed_at, version)
       VALUES ($1, $2, 'spring', 'confirmed', $3, now(), now(), now(), 1) RETURNING id`,
      [student.id, academicYear, programmeId],
    );
    const arrival = `${academicYear.slice(5)}-02-01`;
    await t.dataSource.query(
      `INSERT INTO outgoing_mobilities (application_id, student_id, programme_id, sending_institution_id,
         receiving_institution_id, first_name, last_name, email, global_id, academic_year, term,
         planned_arrival, planned_departure, actual_arrival, actual_departure, status)
       SELECT $1, $2, $3, home.id, $4, 'Stats', 'Student', $5, $9,
              $6, 'spring', $7::date, $7::date + 120,
              CASE WHEN $8::varchar IN ('live', 'recognized') THEN $7::date END,
              CASE WHEN $8::varchar = 'recognized' THEN $7::date + 110 END, $8::varchar
         FROM institutions home WHERE home.is_home`,
      [
        application.id,
        student.id,
        programmeId,
        hostId,
        student.email,
        academicYear,
        arrival,
        status,
        `urn:schac:personalUniqueCode:int:esi:umons.ac.be:${student.id}`,
      ],
    );
  }

  it('counts outgoing mobilities by status and by host, on the API and the page', async () => {
    const mobilityYear = unusedAcademicYear();
    const almaty = await partnerInstitution(t, 'Almaty Host');
    const tartu = await partnerInstitution(t, 'Tartu Host');
    for (const status of ['nomination', 'nomination', 'live', 'recognized']) {
      await insertMobility(mobilityYear, almaty.id, status);
    }
    await insertMobility(mobilityYear, tartu.id, 'cancelled');
    // Another year's mobility does not count.
    await insertMobility(unusedAcademicYear(), almaty.id, 'live');

    const response = await overview(mobilityYear);
    expect(response.status).toBe(200);
    expect(response.body.outgoingMobilities).toEqual({
      total: 5,
      byStatus: { nomination: 2, live: 1, recognized: 1, cancelled: 1 },
      byHostInstitution: [
        {
          institutionId: almaty.id,
          name: expect.stringContaining('Almaty Host'),
          schacCode: almaty.schacCode,
          total: 4,
          byStatus: { nomination: 2, live: 1, recognized: 1, cancelled: 0 },
        },
        {
          institutionId: tartu.id,
          name: expect.stringContaining('Tartu Host'),
          schacCode: tartu.schacCode,
          total: 1,
          byStatus: { nomination: 0, live: 0, recognized: 0, cancelled: 1 },
        },
      ],
    });
    // The confirmed applications hold their places in the applications' figures too.
    expect(response.body.outgoing.byStatus.confirmed).toBe(5);

    const page = await t.http.request('GET', `/en/stats`, {
      query: { academicYear: mobilityYear },
      headers: { cookie: `portal_session=${coordinator.token}`, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Outgoing mobilities per host and status');
    const row = new RegExp(
      `<tr data-institution="${almaty.id}"><th scope="row">[^<]*Almaty Host[^<]*</th><td>2</td><td>1</td><td>1</td><td>0</td><td>4</td></tr>`,
    );
    expect(page.text).toMatch(row);
  });
});
