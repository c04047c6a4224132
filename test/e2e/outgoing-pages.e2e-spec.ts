import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../src/auth/auth-user.js';
import { IncomingService } from '../../src/incoming/incoming.service.js';
import { insertInstitution } from '../support/catalogue-fixtures.js';
import { omobilitiesSchemaProblems } from '../support/ewp-schema.js';
import {
  outgoingWorld,
  submittedApplication,
  worldProgramme,
  type OutgoingWorld,
} from '../support/outgoing-fixtures.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * The pages of outgoing mobilities and partner accounts through HTTP, as a browser without
 * JavaScript sends their forms, and what the database holds after each.
 */
describe('Outgoing mobility and partner pages (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let advisor: TestUser;
  let coordinator: TestUser;
  let world: OutgoingWorld;

  beforeAll(async () => {
    t = await bootApp();
    admin = await t.createUser('admin');
    advisor = await t.createUser('advisor');
    coordinator = await t.createUser('coordinator');
    world = await outgoingWorld(t);
  });

  const student = (lastName = `Outgoing ${randomUUID().slice(0, 8)}`) =>
    t.createUser('student', { homeFacultyId: world.eii.id, studyLevel: 'master', lastName });

  /** A submitted application of `person` approved by the advisor: answers its id. */
  async function approvedApplication(person: TestUser, programmeId?: string): Promise<string> {
    const programme = programmeId ?? (await worldProgramme(t, world)).id;
    const { id } = await submittedApplication(t, person, programme);
    const approved = await t.http.post(
      `/api/applications/${id}/decision`,
      { outcome: 'approve' },
      { token: advisor.token },
    );
    expect(approved.status).toBe(200);
    return id;
  }
  afterAll(async () => {
    await t.close();
  });

  const post = (user: TestUser, path: string, fields: Record<string, string | string[]>) =>
    pageRequest(t.http, 'POST', path, { session: user.token, fields });
  const get = (user: TestUser, path: string) => pageRequest(t.http, 'GET', path, { session: user.token });

  describe('admin users: a partner account names its partner institution', () => {
    const newUser = (overrides: Record<string, string>) => ({
      email: `partner-${randomUUID().slice(0, 8)}@kaznu.test`,
      firstName: 'Aliya',
      lastName: 'Nurlanovna',
      role: 'partner',
      preferredLocale: 'ru',
      password: 'Steppe-horizon-2026',
      institutionId: '',
      ...overrides,
    });

    it('offers the partner institutions only, refuses a partner without one beside the field, and creates one with it', async () => {
      const host = await insertInstitution(t);
      const form = await get(admin, '/en/admin/users/new');
      expect(form.status).toBe(200);
      expect(form.text).toContain('name="institutionId"');
      expect(form.text).toContain(`<option value="${host.id}">`);
      const [home] = (await t.dataSource.query(`SELECT id FROM institutions WHERE is_home`)) as Array<{
        id: string;
      }>;
      expect(form.text).not.toContain(`value="${home.id}"`);

      const fields = newUser({});
      const refused = await post(admin, '/fr/admin/users/new', fields);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('class="error-summary"');
      expect(refused.text).toMatch(
        /id="field-institutionId-error"[^>]*>[^<]*(<[^>]+>)*[^<]*Choisissez l’établissement partenaire/,
      );
      expect(refused.text).toContain(`value="${fields.email}"`);
      const homeRefused = await post(admin, '/en/admin/users/new', { ...fields, institutionId: home.id });
      expect(homeRefused.status).toBe(400);
      expect(homeRefused.text).toContain(
        'Choose the partner institution this partner coordinator works for.',
      );
      expect(
        await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [fields.email.toLowerCase()]),
      ).toEqual([]);

      const created = await post(admin, '/en/admin/users/new', { ...fields, institutionId: host.id });
      expect(created.status).toBe(303);
      const [row] = (await t.dataSource.query(`SELECT id, role, institution_id FROM users WHERE email = $1`, [
        fields.email.toLowerCase(),
      ])) as Array<{ id: string; role: string; institution_id: string }>;
      expect(row).toMatchObject({ role: 'partner', institution_id: host.id });
      expect(created.headers.location).toBe(`/en/admin/users/${row.id}?notice=usersAdmin.notice.created`);
      const shown = await get(admin, `/en/admin/users/${row.id}`);
      expect(shown.text).toContain(host.name);

      // Another role ignores the select (it is there for every role without JavaScript).
      const advisorEmail = `advisor-${randomUUID().slice(0, 8)}@umons.test`;
      const advisor = await post(admin, '/en/admin/users/new', {
        ...newUser({ email: advisorEmail, role: 'advisor', institutionId: host.id }),
      });
      expect(advisor.status).toBe(303);
      expect(
        await t.dataSource.query(`SELECT role, institution_id FROM users WHERE email = $1`, [advisorEmail]),
      ).toEqual([{ role: 'advisor', institution_id: null }]);
    });

    it('changes a role to partner only with an institution, and back to staff without one', async () => {
      const host = await insertInstitution(t);
      const person = await t.createUser('coordinator');
      const refused = await post(admin, `/en/admin/users/${person.id}/role`, {
        role: 'partner',
        institutionId: '',
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('Choose the partner institution this partner coordinator works for.');
      expect(
        await t.dataSource.query(`SELECT role, institution_id FROM users WHERE id = $1`, [person.id]),
      ).toEqual([{ role: 'coordinator', institution_id: null }]);

      const changed = await post(admin, `/en/admin/users/${person.id}/role`, {
        role: 'partner',
        institutionId: host.id,
      });
      expect(changed.status).toBe(303);
      expect(
        await t.dataSource.query(`SELECT role, institution_id FROM users WHERE id = $1`, [person.id]),
      ).toEqual([{ role: 'partner', institution_id: host.id }]);

      const back = await post(admin, `/en/admin/users/${person.id}/role`, {
        role: 'advisor',
        institutionId: host.id,
      });
      expect(back.status).toBe(303);
      expect(
        await t.dataSource.query(`SELECT role, institution_id FROM users WHERE id = $1`, [person.id]),
      ).toEqual([{ role: 'advisor', institution_id: null }]);
    });
  });

  describe('student: the answer to an approved place', () => {
    it('shows the deadline and the two answers, refuses a bad citizenship beside the field, confirms and shows the mobility', async () => {
      const person = await student();
      const id = await approvedApplication(person);
      const shown = await get(person, `/en/applications/${id}`);
      expect(shown.status).toBe(200);
      expect(shown.text).toMatch(/Confirm or decline before [^<]*2\d{3}/);
      expect(shown.text).toContain(`action="/en/applications/${id}/confirm"`);
      expect(shown.text).toContain(`href="/en/applications/${id}/decline"`);

      const refused = await post(person, `/fr/applications/${id}/confirm`, {
        birthDate: '2003-05-14',
        citizenship: 'Belgique',
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('class="error-summary"');
      expect(refused.text).toContain('id="field-citizenship-error"');
      expect(refused.text).toContain('value="2003-05-14"');
      expect(await t.dataSource.query(`SELECT status FROM applications WHERE id = $1`, [id])).toEqual([
        { status: 'approved' },
      ]);

      const future = await post(person, `/en/applications/${id}/confirm`, { birthDate: '2999-01-01' });
      expect(future.status).toBe(400);
      expect(future.text).toContain('id="field-birthDate-error"');

      const confirmed = await post(person, `/en/applications/${id}/confirm`, {
        birthDate: '2003-05-14',
        citizenship: 'be',
      });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.location).toBe(`/en/applications/${id}?notice=applications.notice.confirmed`);
      const [mobility] = (await t.dataSource.query(
        `SELECT status, birth_date::text AS birth_date, citizenship, receiving_institution_id FROM outgoing_mobilities WHERE application_id = $1`,
        [id],
      )) as Array<Record<string, string>>;
      expect(mobility).toEqual({
        status: 'nomination',
        birth_date: '2003-05-14',
        citizenship: 'BE',
        receiving_institution_id: world.host.id,
      });
      const after = await get(person, `/ru/applications/${id}`);
      expect(after.text).toContain('Ваша мобильность');
      expect(after.text).toContain(world.host.name);
      expect(after.text).not.toContain(`/ru/applications/${id}/confirm`);

      // Answered once: a second confirmation is refused with the sentence, nothing changes.
      const again = await post(person, `/en/applications/${id}/confirm`, {});
      expect(again.status).toBe(409);
      expect(again.text).toContain('class="error-summary"');
    });

    it('declines after the confirmation page: the place goes back, another student’s application is the 404 page', async () => {
      const person = await student();
      const programme = await worldProgramme(t, world, { places: 1 });
      const id = await approvedApplication(person, programme.id);
      const other = await student();
      expect((await get(other, `/en/applications/${id}/decline`)).status).toBe(404);
      expect((await post(other, `/en/applications/${id}/decline`, {})).status).toBe(404);
      expect((await post(other, `/en/applications/${id}/confirm`, {})).status).toBe(404);

      const page = await get(person, `/kk/applications/${id}/decline`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Орыннан бас тарту');
      const declined = await post(person, `/en/applications/${id}/decline`, { comment: 'I stay in Mons' });
      expect(declined.status).toBe(303);
      expect(declined.headers.location).toBe(`/en/applications/${id}?notice=applications.notice.declined`);
      expect(await t.dataSource.query(`SELECT status FROM applications WHERE id = $1`, [id])).toEqual([
        { status: 'declined' },
      ]);
      expect(
        await t.dataSource.query(`SELECT places_taken FROM programmes WHERE id = $1`, [programme.id]),
      ).toEqual([{ places_taken: 0 }]);
    });
  });

  describe('office: outgoing mobilities list and page', () => {
    /** A confirmed mobility of a student of the test's own: answers its ids and the student's name. */
    async function confirmed(lastName: string) {
      const person = await student(lastName);
      const id = await approvedApplication(person);
      expect((await post(person, `/en/applications/${id}/confirm`, {})).status).toBe(303);
      const [{ id: mobilityId }] = (await t.dataSource.query(
        `SELECT id FROM outgoing_mobilities WHERE application_id = $1`,
        [id],
      )) as Array<{ id: string }>;
      return { mobilityId, person };
    }

    it('lists with filters, shows the EWP fields, the steps the workflow allows and the XML document', async () => {
      const marker = randomUUID().slice(0, 8);
      const first = await confirmed(`Zhaksylyk${marker}`);
      const second = await confirmed(`Zhaksylyk${marker}`);
      const list = await get(coordinator, `/en/outgoing?q=Zhaksylyk${marker}&status=nomination`);
      expect(list.status).toBe(200);
      expect(list.text).toContain(`href="/en/outgoing/${first.mobilityId}"`);
      expect(list.text).toContain(`href="/en/outgoing/${second.mobilityId}"`);
      const none = await get(coordinator, `/en/outgoing?q=Zhaksylyk${marker}&status=live`);
      expect(none.text).toContain('No mobility matches these filters.');
      const bad = await get(coordinator, `/fr/outgoing?hostInstitutionId=not-a-uuid`);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('class="error-summary"');

      const page = await get(coordinator, `/en/outgoing/${first.mobilityId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('urn:schac:personalUniqueCode:int:esi:umons.ac.be:');
      expect(page.text).toContain('2025/2026-2/2');
      expect(page.text).toContain('Awaiting the host’s answer');
      // Going live waits for the host's acceptance: only cancelling is offered.
      expect(page.text).toContain('name="to" value="cancelled"');
      expect(page.text).not.toContain('name="to" value="live"');
      expect(page.text).toContain(`href="/en/outgoing/${first.mobilityId}/ewp.xml"`);

      // An advisor reads the list and the page, without the step forms.
      expect((await get(advisor, `/ru/outgoing?q=Zhaksylyk${marker}`)).text).toContain(
        `href="/ru/outgoing/${first.mobilityId}"`,
      );
      const read = await get(advisor, `/en/outgoing/${first.mobilityId}`);
      expect(read.status).toBe(200);
      expect(read.text).toContain('urn:schac:personalUniqueCode:int:esi:umons.ac.be:');
      expect(read.text).not.toContain('name="to"');
      expect(read.text).toContain('The International Relations Office’s coordinators record the next steps.');
      const refused = await post(advisor, `/en/outgoing/${first.mobilityId}/transition`, { to: 'cancelled' });
      expect(refused.status).toBe(403);

      const xml = await get(coordinator, `/en/outgoing/${first.mobilityId}/ewp.xml`);
      expect(xml.status).toBe(200);
      expect(xml.headers['content-type']).toContain('application/xml');
      expect(await omobilitiesSchemaProblems(xml.text)).toEqual([]);

      // Verified by the host (through the API), the arrival can be recorded; a future day is refused beside the field.
      const partner = await t.createUser('partner', { institutionId: world.host.id });
      expect(
        (
          await t.http.post(
            `/api/outgoing/${first.mobilityId}/verification`,
            { outcome: 'verified' },
            { token: partner.token },
          )
        ).status,
      ).toBe(200);
      const future = await post(coordinator, `/en/outgoing/${first.mobilityId}/transition`, {
        to: 'live',
        'live-date': '2999-01-01',
      });
      expect(future.status).toBe(400);
      expect(future.text).toContain('id="field-live-date-error"');
      const today = new Date().toISOString().slice(0, 10);
      const live = await post(coordinator, `/en/outgoing/${first.mobilityId}/transition`, {
        to: 'live',
        'live-date': today,
        'live-comment': 'Arrived in Almaty',
      });
      expect(live.status).toBe(303);
      expect(live.headers.location).toBe(`/en/outgoing/${first.mobilityId}?notice=outgoing.notice.moved`);
      expect(
        await t.dataSource.query(
          `SELECT status, actual_arrival::text AS arrival FROM outgoing_mobilities WHERE id = $1`,
          [first.mobilityId],
        ),
      ).toEqual([{ status: 'live', arrival: today }]);
      const timeline = await get(coordinator, `/en/outgoing/${first.mobilityId}`);
      expect(timeline.text).toContain('Arrived in Almaty');
      expect(timeline.text).toContain('Nominated → Abroad');

      // A step the workflow no longer allows is the sentence of its code, nothing changes.
      const back = await post(coordinator, `/en/outgoing/${first.mobilityId}/transition`, {
        to: 'nomination',
      });
      expect(back.status).toBe(409);
      expect(back.text).toContain('class="error-summary"');
    });
  });

  describe('partner: home, answer to a nomination, nomination of their own student', () => {
    it('answers only its own institution’s nominations: rejection needs a reason, then verify; another partner gets 404 pages', async () => {
      const partner = await t.createUser('partner', { institutionId: world.host.id });
      const otherHost = await insertInstitution(t);
      const stranger = await t.createUser('partner', { institutionId: otherHost.id });
      const marker = randomUUID().slice(0, 8);
      const person = await student(`Kassymova${marker}`);
      const applicationId = await approvedApplication(person);
      expect((await post(person, `/en/applications/${applicationId}/confirm`, {})).status).toBe(303);
      const [{ id }] = (await t.dataSource.query(
        `SELECT id FROM outgoing_mobilities WHERE application_id = $1`,
        [applicationId],
      )) as Array<{ id: string }>;

      const home = await get(partner, '/en/partner');
      expect(home.status).toBe(200);
      expect(home.text).toContain(world.host.name);
      expect(home.text).toContain(`href="/en/partner/nominations/${id}"`);
      expect(home.text).toContain(`Kassymova${marker}`);
      const theirs = await get(stranger, '/en/partner');
      expect(theirs.status).toBe(200);
      expect(theirs.text).not.toContain(`Kassymova${marker}`);
      expect((await get(stranger, `/en/partner/nominations/${id}`)).status).toBe(404);
      expect(
        (await post(stranger, `/en/partner/nominations/${id}/verification`, { outcome: 'verified' })).status,
      ).toBe(404);
      // Staff pages stay closed to a partner.
      expect((await get(partner, `/en/outgoing/${id}`)).status).toBe(403);

      const page = await get(partner, `/ru/partner/nominations/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Принять номинацию');
      expect(page.text).toContain(`<option value="${world.hostFaculty.id}">`);
      const noReason = await post(partner, `/en/partner/nominations/${id}/verification`, {
        outcome: 'rejected',
      });
      expect(noReason.status).toBe(400);
      expect(noReason.text).toContain('id="field-rejected-comment-error"');
      expect(noReason.text).toContain('Give the reason for the rejection.');
      expect(
        await t.dataSource.query(`SELECT verification_status FROM outgoing_mobilities WHERE id = $1`, [id]),
      ).toEqual([{ verification_status: 'pending' }]);

      const verified = await post(partner, `/en/partner/nominations/${id}/verification`, {
        outcome: 'verified',
        receivingFacultyId: world.hostFaculty.id,
        'verified-comment': 'Welcome to Almaty',
      });
      expect(verified.status).toBe(303);
      expect(verified.headers.location).toBe(`/en/partner/nominations/${id}?notice=partner.notice.verified`);
      expect(
        await t.dataSource.query(
          `SELECT verification_status, verification_comment, receiving_faculty_id FROM outgoing_mobilities WHERE id = $1`,
          [id],
        ),
      ).toEqual([
        {
          verification_status: 'verified',
          verification_comment: 'Welcome to Almaty',
          receiving_faculty_id: world.hostFaculty.id,
        },
      ]);
      const twice = await post(partner, `/en/partner/nominations/${id}/verification`, {
        outcome: 'rejected',
        'rejected-comment': 'Changed our mind',
      });
      expect(twice.status).toBe(409);
      expect(twice.text).toContain('class="error-summary"');
    });

    it('nominates a student of its own institution to the home institution, refused beside the fields first', async () => {
      const partner = await t.createUser('partner', { institutionId: world.host.id });
      const form = await get(partner, '/fr/partner/nominate');
      expect(form.status).toBe(200);
      expect(form.text).toContain(`<option value="${world.eii.id}">`);
      const email = `nominee-${randomUUID().slice(0, 8)}@kaznu.test`;
      const fields = {
        firstName: 'Дана',
        lastName: 'Ермекова',
        email,
        hostFacultyId: world.eii.id,
        academicYear: '2026/2027',
        term: 'autumn',
        plannedArrival: '2026-09-14',
        plannedDeparture: '2026-09-01',
        notes: '',
      };
      const refused = await post(partner, '/en/partner/nominate', { ...fields, firstName: '' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('id="field-firstName-error"');
      expect(refused.text).toContain('value="Ермекова"');
      const backwards = await post(partner, '/en/partner/nominate', fields);
      expect(backwards.status).toBe(400);
      expect(backwards.text).toContain('class="error-summary"');
      expect(
        await t.dataSource.query(`SELECT id FROM incoming_mobilities WHERE email = $1`, [email]),
      ).toEqual([]);

      const nominated = await post(partner, '/en/partner/nominate', {
        ...fields,
        plannedDeparture: '2027-01-31',
      });
      expect(nominated.status).toBe(303);
      expect(nominated.headers.location).toBe('/en/partner?notice=partner.notice.nominated');
      expect(
        await t.dataSource.query(
          `SELECT status, home_institution_id, first_name FROM incoming_mobilities WHERE email = $1`,
          [email],
        ),
      ).toEqual([{ status: 'nominated', home_institution_id: world.host.id, first_name: 'Дана' }]);
      const home = await get(partner, '/en/partner');
      expect(home.text).toContain('Ермекова');
      // A partner of another institution does not see it.
      const other = await t.createUser('partner', { institutionId: (await insertInstitution(t)).id });
      expect((await get(other, '/en/partner')).text).not.toContain('Ермекова');
    });

    it('pages each list of the home apart: 50 rows a page, each list with a cursor of its own', async () => {
      const institution = await insertInstitution(t, { countryCode: 'KZ' });
      const partner = await t.createUser('partner', { institutionId: institution.id });
      const caller = {
        id: partner.id,
        email: partner.email,
        role: 'partner',
        firstName: 'P',
        lastName: 'P',
        homeFacultyId: null,
        institutionId: institution.id,
      } as AuthUser;
      const marker = randomUUID().slice(0, 6);
      for (let index = 0; index < 52; index += 1) {
        await t.app.get(IncomingService).create(caller, {
          homeInstitutionId: institution.id,
          firstName: 'Нурлан',
          lastName: `Paged${marker}-${String(index).padStart(2, '0')}`,
          email: `paged-${marker}-${index}@kaznu.test`,
          hostFacultyId: world.eii.id,
          academicYear: '2026/2027',
          term: 'autumn',
          plannedArrival: '2026-09-14',
          plannedDeparture: '2027-01-31',
        });
      }
      const rows = (html: string) => html.match(new RegExp(`Paged${marker}-\\d\\d`, 'g')) ?? [];
      const first = await get(partner, '/en/partner');
      expect(first.status).toBe(200);
      expect(rows(first.text)).toHaveLength(50);
      const next = /href="(\/en\/partner\?sent=[^"]+)" rel="next"/.exec(first.text)?.[1];
      expect(next).toBeDefined();
      const second = await get(partner, next!.replaceAll('&amp;', '&'));
      expect(second.status).toBe(200);
      // Newest first: the two oldest are on the second page, with a way back to the first.
      expect(rows(second.text).sort()).toEqual([`Paged${marker}-00`, `Paged${marker}-01`]);
      expect(second.text).toContain('href="/en/partner"');
      expect(second.text).not.toContain('rel="next"');
      // A cursor this list never gave out is the 400 page, in the visitor's language.
      const foreign = await get(partner, '/en/partner?sent=not-a-cursor');
      expect(foreign.status).toBe(400);
      expect((await get(partner, `/en/partner?received=${'x'.repeat(5000)}`)).status).toBe(400);
    });
  });
});
