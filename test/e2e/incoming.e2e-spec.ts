import { randomUUID } from 'node:crypto';
import {
  agreementWith,
  alFarabi,
  dayFromToday,
  homeInstitution,
  hostFaculty,
  nomination,
  partnerInstitution,
  shortTag,
  type FixtureFaculty,
  type FixtureInstitution,
} from '../support/incoming-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('Incoming mobilities (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  let partner: FixtureInstitution;
  let faculty: FixtureFaculty;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator', { firstName: 'Claire', lastName: 'Coordinator' });
    admin = await t.createUser('admin');
    partner = await partnerInstitution(t);
    faculty = await hostFaculty(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const nominate = async (fields: Record<string, unknown> = {}, token = coordinator.token) => {
    const response = await t.http.post('/api/incoming', nomination(partner.id, faculty.id, fields), {
      token,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; email: string; status: string };
  };
  const move = (id: string, body: Record<string, unknown>, token = coordinator.token) =>
    t.http.post(`/api/incoming/${id}/transition`, body, { token });

  describe('who may call', () => {
    it('answers 403 to a student, an advisor and an editor reading /api/incoming, 401 without a token', async () => {
      for (const role of ['student', 'advisor', 'editor'] as const) {
        const user = await t.createUser(role);
        const response = await t.http.get('/api/incoming', { token: user.token });
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
        expect((await t.http.get('/api/incoming/export.csv', { token: user.token })).status).toBe(403);
      }
      expect((await t.http.get('/api/incoming')).status).toBe(401);
    });

    it('lets an admin do what a coordinator does', async () => {
      const created = await nominate({}, admin.token);
      expect((await move(created.id, { to: 'accepted' }, admin.token)).status).toBe(200);
    });
  });

  describe('from nomination to departure', () => {
    it('follows a student from Al-Farabi: nominated, accepted, arrived (listed as present), departed (no longer)', async () => {
      const kaznu = await alFarabi(t);
      const languages = await hostFaculty(t, 'Faculty of Languages');
      const created = await t.http.post(
        '/api/incoming',
        nomination(kaznu.id, languages.id, {
          firstName: 'Әйгерім',
          lastName: 'Нұрланқызы',
          email: `AIGERIM.${shortTag()}@KazNU.kz`,
          notes: 'Kazakh language and culture; Faculty of Languages',
        }),
        { token: coordinator.token },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        firstName: 'Әйгерім',
        lastName: 'Нұрланқызы',
        status: 'nominated',
        homeInstitution: { id: kaznu.id, schacCode: 'kaznu.kz' },
        hostFaculty: { id: languages.id, code: languages.code },
        actualArrival: null,
        allowedTransitions: ['accepted', 'cancelled'],
      });
      expect(created.body.email).toBe(created.body.email.toLowerCase());
      const id = created.body.id as string;

      expect((await move(id, { to: 'accepted' })).body.status).toBe('accepted');
      const arrivedOn = dayFromToday(-5);
      const arrived = await move(id, { to: 'arrived', date: arrivedOn });
      expect(arrived.status).toBe(200);
      expect(arrived.body).toMatchObject({
        status: 'arrived',
        actualArrival: arrivedOn,
        actualDeparture: null,
      });

      const presentToday = () =>
        t.http.get('/api/incoming', {
          token: coordinator.token,
          query: { presentOn: dayFromToday(0), hostFacultyId: languages.id },
        });
      expect((await presentToday()).body.items.map((item: { id: string }) => item.id)).toEqual([id]);

      const departedOn = dayFromToday(-1);
      const departed = await move(id, { to: 'departed', date: departedOn });
      expect(departed.status).toBe(200);
      expect(departed.body).toMatchObject({
        status: 'departed',
        actualDeparture: departedOn,
        allowedTransitions: [],
      });
      expect((await presentToday()).body.items).toEqual([]);

      // Present on the days between arrival and departure, both included; not before nor after.
      const presentOn = async (day: string) =>
        (
          await t.http.get('/api/incoming', {
            token: coordinator.token,
            query: { presentOn: day, hostFacultyId: languages.id },
          })
        ).body.items.length;
      expect(await presentOn(dayFromToday(-6))).toBe(0);
      expect(await presentOn(arrivedOn)).toBe(1);
      expect(await presentOn(departedOn)).toBe(1);

      const [row] = await t.dataSource.query(
        `SELECT status, to_char(actual_arrival, 'YYYY-MM-DD') AS arrival, to_char(actual_departure, 'YYYY-MM-DD') AS departure
           FROM incoming_mobilities WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ status: 'departed', arrival: arrivedOn, departure: departedOn });
    });

    it('records arrival and departure on today by default', async () => {
      const { id } = await nominate();
      await move(id, { to: 'accepted' });
      expect((await move(id, { to: 'arrived' })).body.actualArrival).toBe(dayFromToday(0));
      expect((await move(id, { to: 'departed' })).body.actualDeparture).toBe(dayFromToday(0));
    });

    it('answers 409 INCOMING_INVALID_TRANSITION to a move out of order, and changes nothing', async () => {
      const { id } = await nominate();
      const skipped = await move(id, { to: 'arrived' });
      expect(skipped.status).toBe(409);
      expect(skipped.body).toMatchObject({ code: 'INCOMING_INVALID_TRANSITION' });
      expect(skipped.body.message).toContain('nominated');
      expect((await move(id, { to: 'departed' })).status).toBe(409);

      await move(id, { to: 'accepted' });
      await move(id, { to: 'arrived' });
      const cancelAfterArrival = await move(id, { to: 'cancelled' });
      expect(cancelAfterArrival.status).toBe(409);
      expect(cancelAfterArrival.body.code).toBe('INCOMING_INVALID_TRANSITION');
      expect((await move(id, { to: 'accepted' })).status).toBe(409);
      expect((await t.http.get(`/api/incoming/${id}`, { token: coordinator.token })).body.status).toBe(
        'arrived',
      );
    });

    it('cancels before arrival, and cancelled is final', async () => {
      const nominated = await nominate();
      expect((await move(nominated.id, { to: 'cancelled' })).body.status).toBe('cancelled');
      const accepted = await nominate();
      await move(accepted.id, { to: 'accepted' });
      expect((await move(accepted.id, { to: 'cancelled' })).body.status).toBe('cancelled');
      const again = await move(accepted.id, { to: 'accepted' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INCOMING_INVALID_TRANSITION');
    });

    it('refuses a departure before the arrival, a future date and a date where none is recorded (400 naming date)', async () => {
      const { id } = await nominate();
      const withDate = await move(id, { to: 'accepted', date: dayFromToday(-1) });
      expect(withDate.status).toBe(400);
      expect(withDate.body.fields).toEqual([expect.objectContaining({ field: 'date' })]);
      await move(id, { to: 'accepted' });
      const future = await move(id, { to: 'arrived', date: dayFromToday(2) });
      expect(future.status).toBe(400);
      expect(future.body.fields[0].field).toBe('date');
      await move(id, { to: 'arrived', date: dayFromToday(-3) });
      const early = await move(id, { to: 'departed', date: dayFromToday(-4) });
      expect(early.status).toBe(400);
      expect(early.body.fields[0].field).toBe('date');
      expect(early.body.message).toContain('before the arrival');
      const notADate = await move(id, { to: 'departed', date: '2026-02-30' });
      expect(notADate.status).toBe(400);
      expect(notADate.body.fields[0].field).toBe('date');
      const unknownStatus = await move(id, { to: 'graduated' });
      expect(unknownStatus.status).toBe(400);
      expect(unknownStatus.body.fields[0].field).toBe('to');
    });

    it('lets only one of two simultaneous identical transitions through (row lock), with one event', async () => {
      const { id } = await nominate();
      const results = await Promise.all([move(id, { to: 'accepted' }), move(id, { to: 'accepted' })]);
      expect(results.map((result) => result.status).sort((a, b) => a - b)).toEqual([200, 409]);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM incoming_events WHERE mobility_id = $1 AND to_status = 'accepted'`,
        [id],
      );
      expect(count).toBe(1);
    });

    it('keeps every transition as an event with its actor, readable as a timeline', async () => {
      const { id } = await nominate();
      await move(id, { to: 'accepted', comment: 'Learning agreement signed' });
      await move(id, { to: 'arrived', date: dayFromToday(-2) }, admin.token);
      const events = await t.http.get(`/api/incoming/${id}/events`, { token: coordinator.token });
      expect(events.status).toBe(200);
      expect(events.body.nextCursor).toBeNull();
      expect(events.body.items).toEqual([
        expect.objectContaining({
          fromStatus: null,
          toStatus: 'nominated',
          actorId: coordinator.id,
          actor: { id: coordinator.id, firstName: 'Claire', lastName: 'Coordinator' },
          date: null,
        }),
        expect.objectContaining({
          fromStatus: 'nominated',
          toStatus: 'accepted',
          actorId: coordinator.id,
          comment: 'Learning agreement signed',
        }),
        expect.objectContaining({
          fromStatus: 'accepted',
          toStatus: 'arrived',
          actorId: admin.id,
          date: dayFromToday(-2),
        }),
      ]);
      const times = events.body.items.map((event: { at: string }) => Date.parse(event.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);

      const paged = await t.http.get(`/api/incoming/${id}/events`, {
        token: coordinator.token,
        query: { limit: 2 },
      });
      expect(paged.body.items).toHaveLength(2);
      const rest = await t.http.get(`/api/incoming/${id}/events`, {
        token: coordinator.token,
        query: { limit: 2, cursor: paged.body.nextCursor },
      });
      expect(rest.body.items.map((event: { toStatus: string }) => event.toStatus)).toEqual(['arrived']);
      expect(
        (await t.http.get(`/api/incoming/${randomUUID()}/events`, { token: coordinator.token })).status,
      ).toBe(404);
    });
  });

  describe('nominating and correcting', () => {
    it('refuses a host faculty of another institution (400 naming hostFacultyId)', async () => {
      const [foreignFaculty] = await t.dataSource.query(
        `INSERT INTO faculties (institution_id, name, code) VALUES ($1, 'Faculty of Physics', $2) RETURNING id`,
        [partner.id, `P-${shortTag()}`],
      );
      const response = await t.http.post('/api/incoming', nomination(partner.id, foreignFaculty.id), {
        token: coordinator.token,
      });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { field: string }) => field.field)).toEqual(['hostFacultyId']);
    });

    it("refuses the home institution as the student's home institution (400 naming homeInstitutionId)", async () => {
      const home = await homeInstitution(t);
      const response = await t.http.post('/api/incoming', nomination(home.id, faculty.id), {
        token: coordinator.token,
      });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { field: string }) => field.field)).toEqual([
        'homeInstitutionId',
      ]);
      const unknown = await t.http.post('/api/incoming', nomination(randomUUID(), faculty.id), {
        token: coordinator.token,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields[0].field).toBe('homeInstitutionId');
    });

    it('takes an agreement with the same partner only (400 naming agreementId otherwise)', async () => {
      const own = await agreementWith(t, partner.id);
      const other = await agreementWith(t, (await partnerInstitution(t)).id);
      const good = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { agreementId: own }),
        {
          token: coordinator.token,
        },
      );
      expect(good.status).toBe(201);
      expect(good.body.agreementId).toBe(own);
      const bad = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { agreementId: other }),
        {
          token: coordinator.token,
        },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].field).toBe('agreementId');
    });

    it('refuses bad fields with a 400 naming them, and unknown fields', async () => {
      const response = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, {
          email: 'not-an-email',
          academicYear: '2025/2027',
          term: 'winter',
          plannedArrival: '2026-02-30',
        }),
        { token: coordinator.token },
      );
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(
        ['academicYear', 'email', 'plannedArrival', 'term'].sort(),
      );
      const order = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { plannedArrival: '2026-06-30', plannedDeparture: '2026-02-01' }),
        { token: coordinator.token },
      );
      expect(order.status).toBe(400);
      expect(order.body.fields[0].field).toBe('plannedDeparture');
      const status = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { status: 'arrived' }),
        {
          token: coordinator.token,
        },
      );
      expect(status.status).toBe(400);
    });

    it('answers 409 to a second live nomination of the same email, year and term; a cancelled one may be renewed', async () => {
      const email = `twice-${shortTag()}@kaznu.kz`;
      const first = await nominate({ email });
      const second = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { email: email.toUpperCase() }),
        {
          token: coordinator.token,
        },
      );
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('INCOMING_ALREADY_EXISTS');
      expect((await nominate({ email, term: 'autumn' })).status).toBe('nominated');
      await move(first.id, { to: 'cancelled' });
      expect((await nominate({ email })).status).toBe('nominated');
    });

    it('holds the rules in the database too: status and actual dates go together', async () => {
      await expect(
        t.dataSource.query(
          `INSERT INTO incoming_mobilities (first_name, last_name, email, home_institution_id, host_faculty_id,
             academic_year, term, planned_arrival, planned_departure, status)
           VALUES ('A', 'B', $1, $2, $3, '2025/2026', 'spring', '2026-02-01', '2026-06-01', 'arrived')`,
          [`db-${shortTag()}@kaznu.kz`, partner.id, faculty.id],
        ),
      ).rejects.toThrow(/incoming_actual_dates_match_status/);
    });

    it('corrects details with PATCH, refuses null for required fields and clears the agreement with null', async () => {
      const agreementId = await agreementWith(t, partner.id);
      const { id } = await nominate({ agreementId });
      const patched = await t.http.patch(
        `/api/incoming/${id}`,
        {
          lastName: 'Сәрсенбаева',
          notes: 'Line one\nline two',
          agreementId: null,
          plannedDeparture: '2026-07-15',
        },
        { token: coordinator.token },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        lastName: 'Сәрсенбаева',
        notes: 'Line one\nline two',
        agreementId: null,
        plannedDeparture: '2026-07-15',
      });
      const nulled = await t.http.patch(
        `/api/incoming/${id}`,
        { firstName: null },
        { token: coordinator.token },
      );
      expect(nulled.status).toBe(400);
      expect(nulled.body.fields[0].field).toBe('firstName');
      const order = await t.http.patch(
        `/api/incoming/${id}`,
        { plannedArrival: '2026-08-01' },
        { token: coordinator.token },
      );
      expect(order.status).toBe(400);
      expect(order.body.fields[0].field).toBe('plannedDeparture');
      const status = await t.http.patch(
        `/api/incoming/${id}`,
        { status: 'arrived' },
        { token: coordinator.token },
      );
      expect(status.status).toBe(400);
      const foreign = await t.http.patch(
        `/api/incoming/${id}`,
        { homeInstitutionId: (await homeInstitution(t)).id },
        { token: coordinator.token },
      );
      expect(foreign.status).toBe(400);
      expect(foreign.body.fields[0].field).toBe('homeInstitutionId');
      expect(
        (await t.http.patch(`/api/incoming/${randomUUID()}`, {}, { token: coordinator.token })).status,
      ).toBe(404);
    });

    it('answers 400 to an id that is not a uuid and 404 to an unknown one', async () => {
      expect((await t.http.get('/api/incoming/not-a-uuid', { token: coordinator.token })).status).toBe(400);
      expect((await t.http.get(`/api/incoming/${randomUUID()}`, { token: coordinator.token })).status).toBe(
        404,
      );
    });
  });

  describe('lists', () => {
    let listPartner: FixtureInstitution;
    let listFaculty: FixtureFaculty;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      listPartner = await partnerInstitution(t);
      listFaculty = await hostFaculty(t);
      const make = async (key: string, fields: Record<string, unknown>) => {
        const response = await t.http.post(
          '/api/incoming',
          nomination(listPartner.id, listFaculty.id, fields),
          {
            token: coordinator.token,
          },
        );
        expect(response.status).toBe(201);
        ids[key] = response.body.id;
      };
      await make('latin', { firstName: 'Dana', lastName: 'Müller' });
      await make('cyrillic', { firstName: 'Жанар', lastName: 'ӘБІЛҚАСЫМОВА', term: 'autumn' });
      await make('nextYear', { firstName: 'Ержан', lastName: 'Ёлкин', academicYear: '2026/2027' });
      await make('accepted', { firstName: 'Timur', lastName: 'Bekov' });
      await move(ids.accepted, { to: 'accepted' });
    });

    const list = (query: Record<string, string | number>) =>
      t.http.get('/api/incoming', {
        token: coordinator.token,
        query: { homeInstitutionId: listPartner.id, ...query },
      });
    const idsOf = (response: { body: { items: Array<{ id: string }> } }) =>
      response.body.items.map((item) => item.id);

    it('filters by partner, faculty, status, academic year and term', async () => {
      expect(idsOf(await list({})).sort()).toEqual(Object.values(ids).sort());
      expect(
        idsOf(
          await t.http.get('/api/incoming', {
            token: coordinator.token,
            query: { hostFacultyId: listFaculty.id },
          }),
        ).sort(),
      ).toEqual(Object.values(ids).sort());
      expect(idsOf(await list({ status: 'accepted' }))).toEqual([ids.accepted]);
      expect(idsOf(await list({ academicYear: '2026/2027' }))).toEqual([ids.nextYear]);
      expect(idsOf(await list({ term: 'autumn' }))).toEqual([ids.cyrillic]);
      expect((await list({ status: 'flying' })).status).toBe(400);
      expect((await list({ academicYear: '2026' })).status).toBe(400);
      expect((await list({ presentOn: '2026-13-01' })).status).toBe(400);
    });

    it('searches names and emails in any script, case and accents ignored', async () => {
      expect(idsOf(await list({ q: 'әбілқасымова' }))).toEqual([ids.cyrillic]);
      expect(idsOf(await list({ q: 'жанар әбіл' }))).toEqual([ids.cyrillic]);
      expect(idsOf(await list({ q: 'елкин' }))).toEqual([ids.nextYear]);
      expect(idsOf(await list({ q: 'MULLER' }))).toEqual([ids.latin]);
      expect(idsOf(await list({ q: '100%' }))).toEqual([]);
    });

    it('pages with a keyset cursor, newest first, each row once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.status).toBe(200);
        seen.push(...idsOf(page));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([ids.accepted, ids.nextYear, ids.cyrillic, ids.latin]);
      expect((await list({ cursor: 'garbage' })).status).toBe(400);
    });
  });
});
