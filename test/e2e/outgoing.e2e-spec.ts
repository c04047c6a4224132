import { randomUUID } from 'node:crypto';
import { dayFromNow } from '../support/catalogue-fixtures.js';
import {
  confirmedMobility,
  outgoingWorld,
  submittedApplication,
  worldProgramme,
  type OutgoingWorld,
} from '../support/outgoing-fixtures.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const HOME_SCHAC = 'umons.ac.be';
const todayIso = () => new Date().toISOString().slice(0, 10);

describe('Confirmation of a place and outgoing mobilities (e2e)', () => {
  let t: TestApp;
  let world: OutgoingWorld;
  let advisor: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    world = await outgoingWorld(t);
    advisor = await t.createUser('advisor');
    coordinator = await t.createUser('coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  const student = (fields: Record<string, unknown> = {}) =>
    t.createUser('student', {
      homeFacultyId: world.eii.id,
      studyLevel: 'master',
      lastName: `Outgoing ${randomUUID().slice(0, 8)}`,
      ...fields,
    });

  const placesTaken = async (programmeId: string): Promise<number> =>
    (
      (await t.dataSource.query('SELECT places_taken FROM programmes WHERE id = $1', [
        programmeId,
      ])) as Array<{
        places_taken: number;
      }>
    )[0].places_taken;

  it('approve with a deadline, confirm: the mobility is a nomination with every EWP field filled; verified, arrival makes it live', async () => {
    const programme = await worldProgramme(t, world, {
      title: `Semester at Al-Farabi ${randomUUID().slice(0, 6)}`,
    });
    const aigerim = await student({ firstName: 'Aigerim', studentNumber: `S-${randomUUID().slice(0, 6)}` });
    const application = await submittedApplication(t, aigerim, programme.id);

    const deadline = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const approved = await t.http.post(
      `/api/applications/${application.id}/decision`,
      { outcome: 'approve', confirmationDeadline: deadline.toISOString() },
      { token: advisor.token },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      confirmationDeadline: deadline.toISOString(),
      confirmedAt: null,
    });

    const confirmed = await t.http.post(
      `/api/applications/${application.id}/confirm`,
      { birthDate: '2003-05-17', citizenship: 'be' },
      { token: aigerim.token },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', placedProgrammeId: programme.id });
    expect(confirmed.body.confirmedAt).not.toBeNull();
    expect(await placesTaken(programme.id)).toBe(1);

    const timeline = await t.http.get(`/api/applications/${application.id}/events`, { token: aigerim.token });
    expect(timeline.body.items.map((event: { toStatus: string }) => event.toStatus)).toEqual([
      'draft',
      'submitted',
      'approved',
      'confirmed',
    ]);
    expect(timeline.body.items[3]).toMatchObject({ fromStatus: 'approved', actor: { id: aigerim.id } });

    const found = await t.http.get('/api/outgoing', {
      token: coordinator.token,
      query: { q: aigerim.email, status: 'nomination', hostInstitutionId: world.host.id },
    });
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    const mobility = found.body.items[0];
    const [home] = await t.dataSource.query(`SELECT id, name, erasmus_code FROM institutions WHERE is_home`);
    const user = (await t.dataSource.query(
      `SELECT student_number, first_name, last_name FROM users WHERE id = $1`,
      [aigerim.id],
    )) as Array<{ student_number: string; first_name: string; last_name: string }>;
    expect(mobility).toEqual({
      id: expect.any(String),
      applicationId: application.id,
      programmeId: programme.id,
      programmeTitle: programme.title,
      status: 'nomination',
      allowedTransitions: ['live', 'cancelled'],
      verification: { status: 'pending', comment: null, at: null },
      sendingInstitution: {
        id: home.id,
        name: home.name,
        schacCode: HOME_SCHAC,
        erasmusCode: home.erasmus_code,
      },
      sendingFaculty: { id: world.eii.id, name: world.eii.name, code: 'EII' },
      receivingInstitution: {
        id: world.host.id,
        name: world.host.name,
        schacCode: world.host.schacCode,
        erasmusCode: null,
      },
      receivingFaculty: null,
      agreementId: world.agreement.id,
      student: {
        id: aigerim.id,
        firstName: 'Aigerim',
        lastName: user[0].last_name,
        email: aigerim.email,
        globalId: `urn:schac:personalUniqueCode:int:esi:${HOME_SCHAC}:${user[0].student_number}`,
        birthDate: '2003-05-17',
        citizenship: 'BE',
      },
      academicYear: '2025/2026',
      term: 'spring',
      ewpTermId: '2025/2026-2/2',
      plannedArrival: programme.startDate,
      plannedDeparture: programme.endDate,
      actualArrival: null,
      actualDeparture: null,
      eqfLevel: 7,
      subjectArea: '0231',
      language: 'ru',
      cefrLevel: 'B2',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const one = await t.http.get(`/api/outgoing/${mobility.id}`, { token: advisor.token });
    expect(one.body).toEqual(mobility);

    // Not verified yet: it cannot go live.
    const early = await t.http.post(
      `/api/outgoing/${mobility.id}/transition`,
      { to: 'live' },
      {
        token: coordinator.token,
      },
    );
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'OUTGOING_NOT_VERIFIED', verification: 'pending' });

    // The receiving side answers, naming its faculty (one of another institution is refused).
    const wrongFaculty = await t.http.post(
      `/api/outgoing/${mobility.id}/verification`,
      { outcome: 'verified', receivingFacultyId: world.eii.id },
      { token: coordinator.token },
    );
    expect(wrongFaculty.status).toBe(400);
    const verified = await t.http.post(
      `/api/outgoing/${mobility.id}/verification`,
      { outcome: 'verified', receivingFacultyId: world.hostFaculty.id },
      { token: coordinator.token },
    );
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'nomination',
      verification: { status: 'verified', comment: null },
      receivingFaculty: { id: world.hostFaculty.id, code: world.hostFaculty.code },
    });
    const again = await t.http.post(
      `/api/outgoing/${mobility.id}/verification`,
      { outcome: 'rejected', comment: 'Too late' },
      { token: coordinator.token },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('OUTGOING_ALREADY_ANSWERED');

    const future = await t.http.post(
      `/api/outgoing/${mobility.id}/transition`,
      { to: 'live', date: dayFromNow(2) },
      { token: coordinator.token },
    );
    expect(future.status).toBe(400);
    const live = await t.http.post(
      `/api/outgoing/${mobility.id}/transition`,
      { to: 'live', comment: 'Arrived in Almaty' },
      { token: coordinator.token },
    );
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({
      status: 'live',
      actualArrival: todayIso(),
      allowedTransitions: ['recognized', 'cancelled'],
    });

    const events = await t.http.get(`/api/outgoing/${mobility.id}/events`, { token: coordinator.token });
    expect(events.status).toBe(200);
    expect(
      events.body.items.map(
        (event: {
          fromStatus: string | null;
          toStatus: string;
          verification: string | null;
          actor: { id: string };
        }) => [event.fromStatus, event.toStatus, event.verification, event.actor.id],
      ),
    ).toEqual([
      [null, 'nomination', null, aigerim.id],
      ['nomination', 'nomination', 'verified', coordinator.id],
      ['nomination', 'live', null, coordinator.id],
    ]);
    expect(events.body.items[2]).toMatchObject({ date: todayIso(), comment: 'Arrived in Almaty' });

    // A confirmed application cannot be confirmed, declined or withdrawn again.
    for (const action of ['confirm', 'decline', 'withdraw']) {
      const response = await t.http.post(
        `/api/applications/${application.id}/${action}`,
        {},
        {
          token: aigerim.token,
        },
      );
      expect([action, response.status, response.body.code]).toEqual([
        action,
        409,
        'APPLICATION_INVALID_TRANSITION',
      ]);
    }
  });

  it('decline frees the place: a waitlisted application can then be approved onto it', async () => {
    const programme = await worldProgramme(t, world, { places: 1 });
    const first = await student();
    const second = await student();
    const firstApplication = await submittedApplication(t, first, programme.id);
    const secondApplication = await submittedApplication(t, second, programme.id);
    expect(
      (
        await t.http.post(
          `/api/applications/${firstApplication.id}/decision`,
          { outcome: 'approve' },
          {
            token: advisor.token,
          },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await t.http.post(
          `/api/applications/${secondApplication.id}/decision`,
          { outcome: 'waitlist' },
          {
            token: advisor.token,
          },
        )
      ).status,
    ).toBe(200);
    const full = await t.http.post(
      `/api/applications/${secondApplication.id}/decision`,
      { outcome: 'approve' },
      {
        token: advisor.token,
      },
    );
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('PROGRAMME_FULL');

    // Only its student answers: another student gets 404, staff 403.
    const notTheirs = await t.http.post(
      `/api/applications/${firstApplication.id}/decline`,
      {},
      {
        token: second.token,
      },
    );
    expect(notTheirs.status).toBe(404);

    const declined = await t.http.post(
      `/api/applications/${firstApplication.id}/decline`,
      { comment: 'I will stay in Mons this year' },
      { token: first.token },
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', placedProgrammeId: null });
    expect(declined.body.declinedAt).not.toBeNull();
    expect(await placesTaken(programme.id)).toBe(0);
    const timeline = await t.http.get(`/api/applications/${firstApplication.id}/events`, {
      token: first.token,
    });
    expect(timeline.body.items.at(-1)).toMatchObject({
      fromStatus: 'approved',
      toStatus: 'declined',
      comment: 'I will stay in Mons this year',
      programmeId: programme.id,
    });
    expect(
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM outgoing_mobilities WHERE application_id = $1`,
          [firstApplication.id],
        )
      )[0].n,
    ).toBe(0);

    const approved = await t.http.post(
      `/api/applications/${secondApplication.id}/decision`,
      { outcome: 'approve' },
      {
        token: advisor.token,
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', placedProgrammeId: programme.id });
    expect(await placesTaken(programme.id)).toBe(1);

    // Declined, the student may apply again for the same term.
    const again = await t.http.post('/api/applications', { choices: [programme.id] }, { token: first.token });
    expect(again.status).toBe(201);
  });

  it('answers only while approved and before the deadline; a deadline in the past is refused', async () => {
    const programme = await worldProgramme(t, world);
    const late = await student();
    const application = await submittedApplication(t, late, programme.id);

    const notYet = await t.http.post(
      `/api/applications/${application.id}/confirm`,
      {},
      { token: late.token },
    );
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('APPLICATION_INVALID_TRANSITION');

    const past = await t.http.post(
      `/api/applications/${application.id}/decision`,
      { outcome: 'approve', confirmationDeadline: new Date(Date.now() - 60_000).toISOString() },
      { token: advisor.token },
    );
    expect(past.status).toBe(400);
    expect(past.body.fields.map((field: { field: string }) => field.field)).toEqual(['confirmationDeadline']);
    const withWaitlist = await t.http.post(
      `/api/applications/${application.id}/decision`,
      { outcome: 'waitlist', confirmationDeadline: new Date(Date.now() + 60_000).toISOString() },
      { token: advisor.token },
    );
    expect(withWaitlist.status).toBe(400);

    const approved = await t.http.post(
      `/api/applications/${application.id}/decision`,
      { outcome: 'approve' },
      {
        token: advisor.token,
      },
    );
    expect(approved.status).toBe(200);
    // Default: 7 days after the decision.
    const decidedAt = new Date(approved.body.decidedAt).getTime();
    expect(new Date(approved.body.confirmationDeadline).getTime() - decidedAt).toBe(7 * 24 * 60 * 60 * 1000);

    const badCitizenship = await t.http.post(
      `/api/applications/${application.id}/confirm`,
      { citizenship: 'Belgium' },
      { token: late.token },
    );
    expect(badCitizenship.status).toBe(400);
    const futureBirth = await t.http.post(
      `/api/applications/${application.id}/confirm`,
      { birthDate: dayFromNow(3) },
      { token: late.token },
    );
    expect(futureBirth.status).toBe(400);
    expect(futureBirth.body.fields.map((field: { field: string }) => field.field)).toEqual(['birthDate']);

    // The deadline passes (this test's own row).
    await t.dataSource.query(
      `UPDATE applications SET confirmation_deadline = now() - interval '1 minute' WHERE id = $1`,
      [application.id],
    );
    for (const action of ['confirm', 'decline']) {
      const response = await t.http.post(
        `/api/applications/${application.id}/${action}`,
        {},
        { token: late.token },
      );
      expect([action, response.status, response.body.code]).toEqual([
        action,
        409,
        'APPLICATION_CONFIRMATION_CLOSED',
      ]);
    }
    const unchanged = await t.http.get(`/api/applications/${application.id}`, { token: late.token });
    expect(unchanged.body.status).toBe('approved');
    expect(await placesTaken(programme.id)).toBe(1);
  });

  it('the receiving side rejects with a reason; cancelled from nomination; a Cyrillic name in the CSV export, formulas neutralised', async () => {
    const programme = await worldProgramme(t, world);
    const aliya = await student({
      firstName: 'Алия',
      lastName: `=HYPERLINK("x") ${randomUUID().slice(0, 6)}`,
    });
    const { mobilityId } = await confirmedMobility(t, aliya, advisor, programme.id);

    const noReason = await t.http.post(
      `/api/outgoing/${mobilityId}/verification`,
      { outcome: 'rejected' },
      {
        token: coordinator.token,
      },
    );
    expect(noReason.status).toBe(400);
    const rejected = await t.http.post(
      `/api/outgoing/${mobilityId}/verification`,
      { outcome: 'rejected', comment: 'No place left in the Faculty of Philology' },
      { token: coordinator.token },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.verification).toMatchObject({
      status: 'rejected',
      comment: 'No place left in the Faculty of Philology',
    });
    const notLive = await t.http.post(
      `/api/outgoing/${mobilityId}/transition`,
      { to: 'live' },
      {
        token: coordinator.token,
      },
    );
    expect(notLive.status).toBe(409);
    const cancelled = await t.http.post(
      `/api/outgoing/${mobilityId}/transition`,
      { to: 'cancelled' },
      {
        token: coordinator.token,
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedTransitions: [] });
    const recognized = await t.http.post(
      `/api/outgoing/${mobilityId}/transition`,
      { to: 'recognized' },
      {
        token: coordinator.token,
      },
    );
    expect(recognized.status).toBe(409);
    expect(recognized.body).toMatchObject({
      code: 'OUTGOING_INVALID_TRANSITION',
      from: 'cancelled',
      to: 'recognized',
    });

    const csv = await t.http.get('/api/outgoing/export.csv', {
      token: coordinator.token,
      query: { hostInstitutionId: world.host.id, status: 'cancelled', q: 'алия' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,status,verification,firstName,lastName,email,globalId,birthDate,citizenship,sendingSchacCode,sendingOunitCode,receivingSchacCode,receivingOunitCode,agreementId,programme,academicYear,term,ewpTermId,plannedArrival,plannedDeparture,actualArrival,actualDeparture,eqfLevel,subjectArea,language,cefrLevel',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${mobilityId},cancelled,rejected,Алия,"'=HYPERLINK(""x"")`);
    expect(lines[1]).toContain(`,${HOME_SCHAC},EII,${world.host.schacCode},,`);
    expect(lines[1]).toContain(',2025/2026,spring,2025/2026-2/2,');
  });

  it('lists in keyset pages, newest first, and filters by year, term and status', async () => {
    const other = await outgoingWorld(t);
    const programme = await worldProgramme(t, other);
    const made: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      made.push((await confirmedMobility(t, await student(), advisor, programme.id)).mobilityId);
    }
    const first = await t.http.get('/api/outgoing', {
      token: coordinator.token,
      query: { hostInstitutionId: other.host.id, limit: 2 },
    });
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([made[2], made[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get('/api/outgoing', {
      token: coordinator.token,
      query: { hostInstitutionId: other.host.id, limit: 2, cursor: first.body.nextCursor },
    });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: made[0] })], nextCursor: null });
    for (const [query, count] of [
      [{ academicYear: '2025/2026', term: 'spring' }, 3],
      [{ academicYear: '2026/2027' }, 0],
      [{ term: 'autumn' }, 0],
      [{ status: 'live' }, 0],
    ] as const) {
      const response = await t.http.get('/api/outgoing', {
        token: coordinator.token,
        query: { hostInstitutionId: other.host.id, ...query },
      });
      expect([query, response.body.items.length]).toEqual([query, count]);
    }
    const bad = await t.http.get('/api/outgoing', { token: coordinator.token, query: { status: 'arrived' } });
    expect(bad.status).toBe(400);
  });
  it('a live mobility with a learning agreement is recognized by the agreement, not by hand (API and page)', async () => {
    const programme = await worldProgramme(t, world);
    const dana = await student();
    const { mobilityId } = await confirmedMobility(t, dana, advisor, programme.id);
    const api = (to: string) =>
      t.http.post(`/api/outgoing/${mobilityId}/transition`, { to }, { token: coordinator.token });
    const page = (language: string) =>
      pageRequest(t.http, 'GET', `/${language}/outgoing/${mobilityId}`, { session: coordinator.token });
    expect(
      (
        await t.http.post(
          `/api/outgoing/${mobilityId}/verification`,
          { outcome: 'verified' },
          { token: coordinator.token },
        )
      ).status,
    ).toBe(200);
    expect((await api('live')).status).toBe(200);
    // Without an agreement the office records the recognition itself.
    expect((await page('en')).text).toMatch(/name="to" value="recognized"/);

    const drafted = await t.http.request('PUT', `/api/outgoing/${mobilityId}/learning-agreement/draft`, {
      token: dana.token,
      body: {
        tableA: [{ title: 'Russian', code: 'RU-1', term: 'spring', ects: 20 }],
        tableB: [{ title: 'Langue russe', code: 'B-RU', ects: 20 }],
      },
    });
    expect(drafted.status).toBe(200);
    const refused = await api('recognized');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'OUTGOING_RECOGNITION_BY_AGREEMENT',
      from: 'live',
      to: 'recognized',
    });
    expect((await t.http.get(`/api/outgoing/${mobilityId}`, { token: coordinator.token })).body.status).toBe(
      'live',
    );
    const en = await page('en');
    expect(en.status).toBe(200);
    expect(en.text).not.toMatch(/name="to" value="recognized"/);
    expect(en.text).toMatch(/name="to" value="cancelled"/);
    expect(en.text).toContain('The recognition comes from the learning agreement');
    const fr = await page('fr');
    expect(fr.text).not.toMatch(/name="to" value="recognized"/);
    expect(fr.text).toContain('La reconnaissance vient du contrat d’études');
    expect(fr.text).not.toContain('outgoing.move.');
  });
});
