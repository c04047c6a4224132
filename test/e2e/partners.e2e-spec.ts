import { randomUUID } from 'node:crypto';
import { homeFaculty, insertInstitution } from '../support/catalogue-fixtures.js';
import { omobilitiesSchemaProblems } from '../support/ewp-schema.js';
import {
  confirmedMobility,
  outgoingWorld,
  worldProgramme,
  type OutgoingWorld,
} from '../support/outgoing-fixtures.js';
import { bootApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

describe('Partner accounts (e2e)', () => {
  let t: TestApp;
  let world: OutgoingWorld;
  let institutionB: string;
  let admin: TestUser;
  let advisor: TestUser;
  let coordinator: TestUser;
  let partnerA: TestUser;
  let partnerB: TestUser;
  let mobilityId: string;

  const login = async (email: string): Promise<TestUser> => {
    const response = await t.http.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    return { id: response.body.user.id, email, role: 'partner', token: response.body.accessToken };
  };

  beforeAll(async () => {
    t = await bootApp();
    world = await outgoingWorld(t);
    institutionB = (
      await insertInstitution(t, { name: `Partner B ${randomUUID().slice(0, 6)}`, countryCode: 'UZ' })
    ).id;
    admin = await t.createUser('admin');
    advisor = await t.createUser('advisor');
    coordinator = await t.createUser('coordinator');
    const programme = await worldProgramme(t, world);
    mobilityId = (await confirmedMobility(t, await t.createUser('student'), advisor, programme.id))
      .mobilityId;
  });
  afterAll(async () => {
    await t.close();
  });

  it('admins create partner accounts naming a partner institution, and only partners have one', async () => {
    const account = (fields: Record<string, unknown>) => ({
      email: `partner-${randomUUID().slice(0, 8)}@partner.example.org`,
      password: TEST_PASSWORD,
      firstName: 'Гүлнар',
      lastName: 'Partner',
      role: 'partner',
      ...fields,
    });
    const fieldsOf = (body: { fields?: Array<{ field: string }> }) => body.fields?.map(({ field }) => field);

    const missing = await t.http.post('/api/users', account({}), { token: admin.token });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['institutionId']);
    const [home] = await t.dataSource.query(`SELECT id FROM institutions WHERE is_home`);
    const homeOne = await t.http.post('/api/users', account({ institutionId: home.id }), {
      token: admin.token,
    });
    expect(homeOne.status).toBe(400);
    const advisorWithOne = await t.http.post(
      '/api/users',
      account({ role: 'advisor', institutionId: world.host.id }),
      { token: admin.token },
    );
    expect(advisorWithOne.status).toBe(400);
    expect(fieldsOf(advisorWithOne.body)).toEqual(['institutionId']);

    const a = await t.http.post('/api/users', account({ institutionId: world.host.id }), {
      token: admin.token,
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ role: 'partner', institutionId: world.host.id });
    const b = await t.http.post('/api/users', account({ institutionId: institutionB }), {
      token: admin.token,
    });
    expect(b.status).toBe(201);
    partnerA = await login(a.body.email);
    partnerB = await login(b.body.email);
    const me = await t.http.get('/api/auth/me', { token: partnerA.token });
    expect(me.body).toMatchObject({ role: 'partner', institutionId: world.host.id });

    // Made a coordinator, the account leaves its institution; made a partner again, it needs one.
    const moved = await t.http.patch(
      `/api/users/${a.body.id}`,
      { role: 'coordinator' },
      { token: admin.token },
    );
    expect(moved.body).toMatchObject({ role: 'coordinator', institutionId: null });
    const back = await t.http.patch(`/api/users/${a.body.id}`, { role: 'partner' }, { token: admin.token });
    expect(back.status).toBe(400);
    const rebound = await t.http.patch(
      `/api/users/${a.body.id}`,
      { role: 'partner', institutionId: world.host.id },
      { token: admin.token },
    );
    expect(rebound.body).toMatchObject({ role: 'partner', institutionId: world.host.id });
    partnerA = await login(a.body.email);
  });

  it('partner A sees and verifies the nomination its institution receives; partner B sees none of it', async () => {
    const listA = await t.http.get('/api/outgoing', { token: partnerA.token });
    expect(listA.status).toBe(200);
    expect(listA.body.items.map((item: { id: string }) => item.id)).toContain(mobilityId);
    expect(
      listA.body.items.every(
        (item: { receivingInstitution: { id: string } }) => item.receivingInstitution.id === world.host.id,
      ),
    ).toBe(true);
    const xml = await t.http.get(`/api/outgoing/${mobilityId}/ewp.xml`, { token: partnerA.token });
    expect(xml.status).toBe(200);
    expect(await omobilitiesSchemaProblems(xml.text)).toEqual([]);

    const listB = await t.http.get('/api/outgoing', { token: partnerB.token, query: { limit: 100 } });
    expect(listB.status).toBe(200);
    expect(listB.body.items).toEqual([]);
    for (const url of [
      `/api/outgoing/${mobilityId}`,
      `/api/outgoing/${mobilityId}/events`,
      `/api/outgoing/${mobilityId}/ewp.xml`,
    ]) {
      expect([url, (await t.http.get(url, { token: partnerB.token })).status]).toEqual([url, 404]);
    }
    const yearB = await t.http.get('/api/outgoing/ewp.xml', {
      token: partnerB.token,
      query: { academicYear: '2025/2026' },
    });
    expect(yearB.status).toBe(200);
    expect(yearB.text).not.toContain(mobilityId);
    const verifyB = await t.http.post(
      `/api/outgoing/${mobilityId}/verification`,
      { outcome: 'verified' },
      {
        token: partnerB.token,
      },
    );
    expect(verifyB.status).toBe(404);

    const verified = await t.http.post(
      `/api/outgoing/${mobilityId}/verification`,
      { outcome: 'verified', receivingFacultyId: world.hostFaculty.id },
      { token: partnerA.token },
    );
    expect(verified.status).toBe(200);
    expect(verified.body.verification.status).toBe('verified');
    const events = await t.http.get(`/api/outgoing/${mobilityId}/events`, { token: partnerA.token });
    expect(events.body.items.at(-1)).toMatchObject({ verification: 'verified', actor: { id: partnerA.id } });
    // Moving it on stays with the home institution's office.
    const live = await t.http.post(
      `/api/outgoing/${mobilityId}/transition`,
      { to: 'live' },
      {
        token: partnerA.token,
      },
    );
    expect(live.status).toBe(403);
    const export_ = await t.http.get('/api/outgoing/export.csv', { token: partnerA.token });
    expect(export_.status).toBe(403);
  });

  it('a partner nominates its own students only; the home office accepts them as before', async () => {
    const faculty = await homeFaculty(t, 'FLL');
    const nomination = (homeInstitutionId: string) => ({
      firstName: 'Айгерим',
      lastName: `Сәрсенова ${randomUUID().slice(0, 4)}`,
      email: `nominee-${randomUUID().slice(0, 8)}@partner.example.org`,
      homeInstitutionId,
      hostFacultyId: faculty.id,
      academicYear: '2025/2026',
      term: 'spring',
      plannedArrival: '2026-02-02',
      plannedDeparture: '2026-06-30',
    });
    const created = await t.http.post('/api/incoming', nomination(world.host.id), { token: partnerA.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'nominated', homeInstitutionId: world.host.id });

    const forOther = nomination(world.host.id);
    const refused = await t.http.post('/api/incoming', forOther, { token: partnerB.token });
    expect(refused.status).toBe(404);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM incoming_mobilities WHERE email = $1`,
      [forOther.email],
    );
    expect(n).toBe(0);

    expect((await t.http.get(`/api/incoming/${created.body.id}`, { token: partnerB.token })).status).toBe(
      404,
    );
    expect(
      (await t.http.get(`/api/incoming/${created.body.id}/events`, { token: partnerB.token })).status,
    ).toBe(404);
    const listB = await t.http.get('/api/incoming', { token: partnerB.token, query: { limit: 100 } });
    expect(listB.body.items).toEqual([]);
    const listA = await t.http.get('/api/incoming', { token: partnerA.token, query: { limit: 100 } });
    expect(listA.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    // A partner does not accept its own nomination: the home office does.
    const selfAccept = await t.http.post(
      `/api/incoming/${created.body.id}/transition`,
      { to: 'accepted' },
      {
        token: partnerA.token,
      },
    );
    expect(selfAccept.status).toBe(403);
    const accepted = await t.http.post(
      `/api/incoming/${created.body.id}/transition`,
      { to: 'accepted' },
      {
        token: coordinator.token,
      },
    );
    expect(accepted.status).toBe(200);
  });

  it('a partner cannot read applications, users or the audit log', async () => {
    for (const url of [
      '/api/applications',
      '/api/users',
      '/api/audit',
      '/api/agreements',
      '/api/stats/overview',
    ]) {
      expect([url, (await t.http.get(url, { token: partnerB.token })).status]).toEqual([url, 403]);
    }
  });
});
