import { randomUUID } from 'node:crypto';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { omobilitiesSchemaProblems } from '../support/ewp-schema.js';
import {
  confirmedMobility,
  outgoingWorld,
  submittedApplication,
  worldProgramme,
} from '../support/outgoing-fixtures.js';
import { bootApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

const MOTIVATION =
  'I want to study Russian and Kazakh culture in Almaty, and to bring back what I learn to my translation studies.';

describe('Personal data: export and erasure (e2e)', () => {
  let t: TestApp;
  let advisor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    advisor = await t.createUser('advisor');
    admin = await t.createUser('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * A student of the test's own, with a rejected application; every personal text carries a
   * marker of its own, so a search for it finds this person only.
   */
  async function personWithRejectedApplication() {
    const marker = randomUUID().slice(0, 8);
    const texts = {
      firstName: `Zhansaya${marker}`,
      lastName: `Tokayeva${marker}`,
      studentNumber: `S-2026-${marker}`,
      motivation: `${marker} ${MOTIVATION}`,
      comment: `Zhansaya should first reach C1 in Russian ${marker}`,
    };
    const student = await t.createUser('student', {
      firstName: texts.firstName,
      lastName: texts.lastName,
      studentNumber: texts.studentNumber,
    });
    const host = await insertInstitution(t);
    const programme = await insertProgramme(t, host.id, { status: 'published' });
    const created = await t.http.post(
      '/api/applications',
      {
        choices: [programme.id],
        motivation: texts.motivation,
        gradeAverage: 15.5,
        languageSkills: [{ language: 'ru', cefrLevel: 'B2' }],
      },
      { token: student.token },
    );
    expect(created.status).toBe(201);
    const applicationId = created.body.id as string;
    expect(
      (await t.http.post(`/api/applications/${applicationId}/submit`, {}, { token: student.token })).status,
    ).toBe(200);
    const rejected = await t.http.post(
      `/api/applications/${applicationId}/decision`,
      { outcome: 'reject', comment: texts.comment },
      { token: advisor.token },
    );
    expect(rejected.status).toBe(200);
    return { student, applicationId, texts };
  }

  it('exports everything the portal holds about the caller, and only theirs', async () => {
    const { student, applicationId, texts } = await personWithRejectedApplication();
    const other = await t.createUser('student');
    const exported = await t.http.get('/api/auth/me/export', { token: student.token });
    expect(exported.status).toBe(200);
    expect(exported.body.profile).toMatchObject({
      id: student.id,
      email: student.email,
      studentNumber: texts.studentNumber,
    });
    expect(exported.body.applications).toHaveLength(1);
    expect(exported.body.applications[0]).toMatchObject({
      id: applicationId,
      motivation: texts.motivation,
      status: 'rejected',
    });
    expect(exported.body.applications[0].events.map((event: { toStatus: string }) => event.toStatus)).toEqual(
      ['draft', 'submitted', 'rejected'],
    );
    expect(exported.text).not.toMatch(/passwordHash|password_hash|scrypt\$/);

    const theirs = await t.http.get('/api/auth/me/export', { token: other.token });
    expect(theirs.body.applications).toEqual([]);
    expect(theirs.text).not.toContain(student.email);
  });

  it('erases a person: no endpoint and no table shows their email, they cannot sign in, statistics keep the record', async () => {
    const { student, applicationId, texts } = await personWithRejectedApplication();
    const erased = await t.http.post(`/api/users/${student.id}/erase`, undefined, { token: admin.token });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      id: student.id,
      active: false,
      firstName: 'Erased',
      studentNumber: null,
    });
    expect(erased.body.erasedAt).toEqual(expect.any(String));
    expect(erased.body.email).not.toContain(student.email);

    expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(401);
    expect(
      (await t.http.post('/api/auth/login', { email: student.email, password: TEST_PASSWORD })).status,
    ).toBe(401);

    // Every text column of every table, searched for the email and the free texts.
    const tables: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const needle of [
      student.email,
      texts.firstName,
      texts.lastName,
      texts.studentNumber,
      texts.motivation.slice(0, 40),
      texts.comment,
    ]) {
      for (const { table_name: table } of tables) {
        const [{ count }] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM "${table}" row WHERE row::text ILIKE $1`,
          [`%${needle}%`],
        );
        expect({ table, needle, count }).toEqual({ table, needle, count: 0 });
      }
    }
    const users = await t.http.get('/api/users', { token: admin.token, query: { q: student.email } });
    expect(users.body.items).toEqual([]);
    const application = await t.http.get(`/api/applications/${applicationId}`, { token: advisor.token });
    expect(application.status).toBe(200);
    expect(application.body).toMatchObject({
      status: 'rejected',
      motivation: null,
      decisionComment: '[erased]',
      gradeAverage: null,
    });
    expect(application.text).not.toContain(student.email);

    const trail = await t.http.get('/api/audit', {
      token: admin.token,
      query: { action: 'user.erased', targetId: student.id },
    });
    expect(trail.body.items).toEqual([expect.objectContaining({ actorId: admin.id, targetId: student.id })]);
  });

  it('withdraws the person’s live applications in the same step: off the queue, places freed, events on their timelines', async () => {
    const host = await insertInstitution(t);
    const [autumn, spring, fullYear] = await Promise.all(
      (['autumn', 'spring', 'full-year'] as const).map((term) =>
        insertProgramme(t, host.id, { status: 'published', term, places: 2 }),
      ),
    );
    const person = await t.createUser('student');
    const apply = async (programmeId: string, submit: boolean) => {
      const created = await t.http.post(
        '/api/applications',
        { choices: [programmeId], motivation: MOTIVATION },
        { token: person.token },
      );
      expect(created.status).toBe(201);
      if (submit) {
        const submitted = await t.http.post(`/api/applications/${created.body.id}/submit`, undefined, {
          token: person.token,
        });
        expect(submitted.status).toBe(200);
      }
      return created.body.id as string;
    };
    const submittedId = await apply(autumn.id, true);
    const approvedId = await apply(spring.id, true);
    const draftId = await apply(fullYear.id, false);
    const approve = await t.http.post(
      `/api/applications/${approvedId}/decision`,
      { outcome: 'approve' },
      { token: advisor.token },
    );
    expect(approve.status).toBe(200);
    const placesTaken = async () =>
      (
        await t.dataSource.query(
          'SELECT id, places_taken FROM programmes WHERE id = ANY($1::uuid[]) ORDER BY places_taken DESC, id',
          [[autumn.id, spring.id]],
        )
      ).map((row: { places_taken: number }) => row.places_taken);
    expect(await placesTaken()).toEqual([1, 0]);
    const queueIds = async () => {
      const queue = await t.http.get('/api/applications', {
        token: advisor.token,
        query: { academicYear: '2026/2027', limit: 100 },
      });
      expect(queue.status).toBe(200);
      return queue.body.items
        .filter((item: { status: string }) => ['submitted', 'waitlisted', 'approved'].includes(item.status))
        .map((item: { id: string }) => item.id);
    };
    expect(await queueIds()).toEqual(expect.arrayContaining([submittedId, approvedId]));

    const erased = await t.http.post(`/api/users/${person.id}/erase`, undefined, { token: admin.token });
    expect(erased.status).toBe(200);

    const live = await queueIds();
    expect(live).not.toContain(submittedId);
    expect(live).not.toContain(approvedId);
    expect(await placesTaken()).toEqual([0, 0]);
    const rows: Array<{ id: string; status: string; placed_programme_id: string | null }> =
      await t.dataSource.query(
        'SELECT id, status, placed_programme_id FROM applications WHERE student_id = $1 ORDER BY id',
        [person.id],
      );
    expect(rows.map(({ status, placed_programme_id }) => [status, placed_programme_id])).toEqual([
      ['withdrawn', null],
      ['withdrawn', null],
      ['withdrawn', null],
    ]);
    // Approving it now is refused: nothing can take a place for an erased person.
    const late = await t.http.post(
      `/api/applications/${submittedId}/decision`,
      { outcome: 'approve' },
      { token: advisor.token },
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPLICATION_INVALID_TRANSITION');

    for (const [id, from, programmeId] of [
      [submittedId, 'submitted', null],
      [approvedId, 'approved', spring.id],
    ] as const) {
      const events = await t.http.get(`/api/applications/${id}/events`, { token: advisor.token });
      expect(events.body.items.at(-1)).toMatchObject({
        fromStatus: from,
        toStatus: 'withdrawn',
        programmeId,
        actor: { id: admin.id, role: 'admin' },
        comment: expect.stringContaining('erased'),
      });
    }
    const [draftEvent] = await t.dataSource.query(
      `SELECT from_status, to_status, actor_id FROM application_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
      [draftId],
    );
    expect(draftEvent).toEqual({ from_status: 'draft', to_status: 'withdrawn', actor_id: admin.id });
    const trail = await t.http.get('/api/audit', {
      token: admin.token,
      query: { action: 'user.erased', targetId: person.id },
    });
    // Two receipts and one approval were written for the person; the erasure removed them.
    expect(trail.body.items[0].details).toEqual({
      applicationsWithdrawn: 3,
      notificationsRemoved: 3,
      mobilitiesErased: 0,
      mobilitiesCancelled: 0,
      signaturesErased: 0,
    });
    const [{ left }] = await t.dataSource.query(
      'SELECT count(*)::int AS left FROM notifications WHERE recipient_id = $1',
      [person.id],
    );
    expect(left).toBe(0);
  });

  it('exports and erases what an outgoing mobility copied (names, email, ESI, birth date, citizenship, comments) and the staff’s assessment notes, through HTTP', async () => {
    const marker = randomUUID().slice(0, 8);
    const world = await outgoingWorld(t);
    const programme = await worldProgramme(t, world);
    const partner = await t.createUser('partner', { institutionId: world.host.id });
    const coordinator = await t.createUser('coordinator');
    const texts = {
      firstName: `Aigerim${marker}`,
      lastName: `Serikova${marker}`,
      studentNumber: `N${marker}`,
      note: `Aigerim${marker} argued well for Almaty`,
      rejection: `We cannot host Aigerim${marker} this spring`,
      cancellation: `Serikova${marker} prefers another term`,
    };
    const student = await t.createUser('student', {
      firstName: texts.firstName,
      lastName: texts.lastName,
      studentNumber: texts.studentNumber,
      homeFacultyId: world.eii.id,
      studyLevel: 'bachelor',
    });
    // Submitted, rated with a note, approved and confirmed with the two EWP facts.
    const { id: applicationId } = await submittedApplication(t, student, programme.id);
    const rated = await t.http.patch(
      `/api/applications/${applicationId}/assessment`,
      { motivationRating: 4, note: texts.note },
      { token: advisor.token },
    );
    expect(rated.status).toBe(200);
    const approved = await t.http.post(
      `/api/applications/${applicationId}/decision`,
      { outcome: 'approve' },
      { token: advisor.token },
    );
    expect(approved.status).toBe(200);
    const confirmed = await t.http.post(
      `/api/applications/${applicationId}/confirm`,
      { birthDate: '2004-02-29', citizenship: 'KZ' },
      { token: student.token },
    );
    expect(confirmed.status).toBe(200);
    const [{ id: mobilityId }] = (await t.dataSource.query(
      `SELECT id FROM outgoing_mobilities WHERE application_id = $1`,
      [applicationId],
    )) as Array<{ id: string }>;
    const rejected = await t.http.post(
      `/api/outgoing/${mobilityId}/verification`,
      { outcome: 'rejected', comment: texts.rejection },
      { token: partner.token },
    );
    expect(rejected.status).toBe(200);
    const cancelled = await t.http.post(
      `/api/outgoing/${mobilityId}/transition`,
      { to: 'cancelled', comment: texts.cancellation },
      { token: coordinator.token },
    );
    expect(cancelled.status).toBe(200);

    const exported = await t.http.get('/api/auth/me/export', { token: student.token });
    expect(exported.status).toBe(200);
    expect(exported.body.outgoingMobilities).toEqual([
      expect.objectContaining({
        id: mobilityId,
        status: 'cancelled',
        student: expect.objectContaining({
          firstName: texts.firstName,
          email: student.email,
          birthDate: '2004-02-29',
          citizenship: 'KZ',
          globalId: expect.stringContaining(texts.studentNumber),
        }),
        verification: expect.objectContaining({ status: 'rejected', comment: texts.rejection }),
      }),
    ]);
    expect(
      exported.body.outgoingMobilities[0].events.map((event: { comment: string | null }) => event.comment),
    ).toEqual([null, texts.rejection, texts.cancellation]);
    const exportedApplication = exported.body.applications.find(
      (application: { id: string }) => application.id === applicationId,
    );
    expect(exportedApplication.assessment).toMatchObject({ motivationRating: 4, note: texts.note });

    const erased = await t.http.post(`/api/users/${student.id}/erase`, undefined, { token: admin.token });
    expect(erased.status).toBe(200);

    const tables: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const needle of [student.email, texts.firstName, texts.lastName, texts.studentNumber, marker]) {
      for (const { table_name: table } of tables) {
        const [{ count }] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM "${table}" row WHERE row::text ILIKE $1`,
          [`%${needle}%`],
        );
        expect({ table, needle, count }).toEqual({ table, needle, count: 0 });
      }
    }
    const mobility = await t.http.get(`/api/outgoing/${mobilityId}`, { token: coordinator.token });
    expect(mobility.status).toBe(200);
    expect(mobility.body).toMatchObject({
      status: 'cancelled',
      receivingInstitution: { id: world.host.id },
      academicYear: '2025/2026',
      term: 'spring',
      student: {
        firstName: 'Erased',
        lastName: 'Person',
        birthDate: null,
        citizenship: null,
        globalId: `urn:schac:personalUniqueCode:int:esi:umons.ac.be:${student.id}`,
      },
      verification: { status: 'rejected', comment: '[erased]' },
    });
    const events = await t.http.get(`/api/outgoing/${mobilityId}/events`, { token: coordinator.token });
    expect(events.body.items.map((event: { comment: string | null }) => event.comment)).toEqual([
      null,
      '[erased]',
      '[erased]',
    ]);
    const assessment = await t.http.get(`/api/applications/${applicationId}`, { token: advisor.token });
    expect(assessment.body.assessment).toMatchObject({ motivationRating: 4, note: '[erased]' });
    // What a partner's system reads still validates, without the person.
    const xml = await t.http.get(`/api/outgoing/${mobilityId}/ewp.xml`, { token: coordinator.token });
    expect(xml.status).toBe(200);
    expect(xml.text).not.toContain(marker);
    expect(await omobilitiesSchemaProblems(xml.text)).toEqual([]);
    const trail = await t.http.get('/api/audit', {
      token: admin.token,
      query: { action: 'user.erased', targetId: student.id },
    });
    expect(trail.body.items[0].details).toEqual({
      applicationsWithdrawn: 0,
      notificationsRemoved: expect.any(Number),
      mobilitiesErased: 1,
      mobilitiesCancelled: 0,
      signaturesErased: 0,
    });
  });

  it('exports a student’s learning agreement and erases the name and email their signatures copied, and only those', async () => {
    const marker = randomUUID().slice(0, 8);
    const world = await outgoingWorld(t);
    const programme = await worldProgramme(t, world);
    const coordinator = await t.createUser('coordinator');
    const student = await t.createUser('student', {
      firstName: `Dana${marker}`,
      lastName: `Nurlanova${marker}`,
      homeFacultyId: world.eii.id,
      studyLevel: 'bachelor',
    });
    const { mobilityId } = await confirmedMobility(t, student, advisor, programme.id);
    const url = `/api/outgoing/${mobilityId}/learning-agreement`;
    const drafted = await t.http.request('PUT', `${url}/draft`, {
      token: student.token,
      body: {
        tableA: [{ title: 'Русский язык как иностранный', code: 'RKI-201', term: 'spring', ects: 24 }],
        tableB: [{ title: 'Langue russe III', code: 'UMONS-RU3', ects: 20 }],
        languageCompetence: { language: 'ru', cefrLevel: 'B2' },
        sendingResponsible: {
          givenNames: 'Marie',
          familyName: 'Dupont',
          position: 'Coordinator',
          email: 'm.dupont@umons.ac.be',
        },
        receivingResponsible: {
          givenNames: 'Айгерим',
          familyName: 'Садыкова',
          position: 'Office',
          email: 'a.sadykova@kaznu.kz',
        },
      },
    });
    expect(drafted.status).toBe(200);
    const hash = drafted.body.current.hash as string;
    expect((await t.http.post(`${url}/sign`, { hash }, { token: student.token })).status).toBe(200);
    expect(
      (
        await t.http.post(
          `${url}/sign`,
          { hash, position: 'Erasmus coordinator' },
          { token: coordinator.token },
        )
      ).status,
    ).toBe(200);

    // The export carries the agreement: the version's content, its signatures.
    const exported = await t.http.get('/api/auth/me/export', { token: student.token });
    expect(exported.status).toBe(200);
    expect(exported.body.learningAgreements).toEqual([
      expect.objectContaining({
        mobilityId,
        versions: [expect.objectContaining({ number: 1, hash })],
        recognition: expect.objectContaining({ results: [], decisions: [] }),
      }),
    ]);
    expect(exported.body.learningAgreements[0].versions[0].content.tableA[0].code).toBe('RKI-201');
    expect(exported.body.learningAgreements[0].versions[0].signatures).toEqual([
      expect.objectContaining({
        party: 'student',
        name: `Dana${marker} Nurlanova${marker}`,
        email: student.email,
      }),
      expect.objectContaining({ party: 'sending', signerId: coordinator.id }),
    ]);

    // Even with the erasure's setting on, the database refuses any other change to a signature.
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.erasure', 'on', true)`);
        await manager.query(
          `UPDATE learning_agreement_signatures SET position = 'Forged' WHERE signer_id = $1`,
          [student.id],
        );
      }),
    ).rejects.toThrow(/never modified or deleted/);

    expect(
      (await t.http.post(`/api/users/${student.id}/erase`, undefined, { token: admin.token })).status,
    ).toBe(200);
    const rows = (await t.dataSource.query(
      `SELECT s.party, s.name, s.email, s.content_hash FROM learning_agreement_signatures s
         JOIN learning_agreement_versions v ON v.id = s.version_id
         JOIN learning_agreements a ON a.id = v.agreement_id
        WHERE a.outgoing_mobility_id = $1 ORDER BY s.party DESC`,
      [mobilityId],
    )) as Array<{ party: string; name: string; email: string; content_hash: string }>;
    expect(rows).toEqual([
      {
        party: 'student',
        name: 'Erased Person',
        email: `erased-${student.id}@erased.invalid`,
        content_hash: hash,
      },
      {
        party: 'sending',
        name: expect.stringMatching(/^Coordinator Tester /),
        email: coordinator.email,
        content_hash: hash,
      },
    ]);
    const found = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM learning_agreement_signatures WHERE name LIKE $1 OR email = $2`,
      [`%${marker}%`, student.email],
    )) as Array<{ n: number }>;
    expect(found[0].n).toBe(0);

    // The nomination the host had not yet taken up is cancelled, its timeline saying why, and its
    // agreement is closed: nobody signs for a person who is gone.
    const mobility = await t.http.get(`/api/outgoing/${mobilityId}`, { token: coordinator.token });
    expect(mobility.body.status).toBe('cancelled');
    const events = await t.http.get(`/api/outgoing/${mobilityId}/events`, { token: coordinator.token });
    expect(events.body.items.at(-1)).toMatchObject({
      fromStatus: 'nomination',
      toStatus: 'cancelled',
      actor: { id: admin.id },
      comment: 'Cancelled: the student’s personal data was erased',
    });
    const closed = await t.http.post(
      `${url}/sign`,
      { hash, position: 'Coordinator' },
      { token: coordinator.token },
    );
    expect([closed.status, closed.body.code]).toEqual([409, 'LA_CLOSED']);
    const trail = await t.http.get('/api/audit', {
      token: admin.token,
      query: { action: 'user.erased', targetId: student.id },
    });
    expect(trail.body.items[0].details).toMatchObject({ mobilitiesErased: 1, mobilitiesCancelled: 1 });
  });

  it('refuses a second erasure, an admin erasing themselves, and anyone but an admin', async () => {
    const once = await t.createUser('student');
    expect((await t.http.post(`/api/users/${once.id}/erase`, undefined, { token: admin.token })).status).toBe(
      200,
    );
    expect(
      (await t.http.post(`/api/users/${once.id}/erase`, undefined, { token: admin.token })).body.code,
    ).toBe('USER_ALREADY_ERASED');
    expect(
      (await t.http.post(`/api/users/${admin.id}/erase`, undefined, { token: admin.token })).body.code,
    ).toBe('CANNOT_ERASE_SELF');
    const someone = await t.createUser('student');
    expect(
      (await t.http.post(`/api/users/${someone.id}/erase`, undefined, { token: advisor.token })).status,
    ).toBe(403);
    expect((await t.http.get('/api/auth/me', { token: someone.token })).status).toBe(200);
  });
});
