import { randomUUID } from 'node:crypto';
import { insertInstitution } from '../support/catalogue-fixtures.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * The pages of outgoing mobilities and partner accounts through HTTP, as a browser without
 * JavaScript sends their forms, and what the database holds after each.
 */
describe('Outgoing mobility and partner pages (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    admin = await t.createUser('admin');
  });
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
});
