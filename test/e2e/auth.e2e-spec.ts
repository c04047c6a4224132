import { createHmac } from 'node:crypto';
import { bootApp, TEST_ADMIN, TEST_PASSWORD, uniqueEmail, type TestApp } from '../support/test-app.js';

const PASSWORD = 'Kazakh-steppe-2026!';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Signs claims with the test secret, so a test can forge tokens the real guard must refuse. */
function signWithTestSecret(header: object, claims: object): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  const signature = createHmac('sha256', process.env.JWT_SECRET!).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('Identity and access (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (body: Record<string, unknown>) => t.http.post('/api/auth/register', body);

  describe('register, login, me', () => {
    it('registers a student who logs in and reads their profile, with no password anywhere', async () => {
      const email = uniqueEmail('amina');
      const registered = await register({
        email,
        password: PASSWORD,
        firstName: 'Amina',
        lastName: 'Bekova',
      });
      expect(registered.status).toBe(201);
      expect(registered.body.user).toMatchObject({
        email,
        role: 'student',
        firstName: 'Amina',
        active: true,
      });
      expect(registered.body.accessToken).toEqual(expect.any(String));

      const login = await t.http.post('/api/auth/login', { email: email.toUpperCase(), password: PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.expiresIn).toBe(3600);
      const me = await t.http.get('/api/auth/me', { token: login.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email, role: 'student', lastName: 'Bekova' });

      for (const response of [registered, login, me]) {
        expect(response.text).not.toMatch(/password|scrypt\$/i);
      }
      const [row] = await t.dataSource.query('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    });

    it('refuses a role in the register body, a short or common password, and the email as password', async () => {
      const roleInBody = await register({
        email: uniqueEmail(),
        password: PASSWORD,
        firstName: 'A',
        lastName: 'B',
        role: 'admin',
      });
      expect(roleInBody.status).toBe(400);
      expect(roleInBody.body.message).toContain('property role should not exist');

      const short = await register({
        email: uniqueEmail(),
        password: 'abcde',
        firstName: 'A',
        lastName: 'B',
      });
      expect(short.status).toBe(400);
      expect(short.body.fields).toEqual([expect.objectContaining({ field: 'password' })]);

      const common = await register({
        email: uniqueEmail(),
        password: 'Password123',
        firstName: 'A',
        lastName: 'B',
      });
      expect(common.status).toBe(400);
      expect(common.body.message).toMatch(/common/);

      const email = uniqueEmail('same');
      const sameAsEmail = await register({ email, password: email, firstName: 'A', lastName: 'B' });
      expect(sameAsEmail.status).toBe(400);
      expect(sameAsEmail.body.message).toMatch(/email/);

      const badEmail = await register({
        email: 'not-an-email',
        password: PASSWORD,
        firstName: 'A',
        lastName: 'B',
      });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.message).toMatch(/email/);
    });

    it('answers 409 to a duplicate email written in another case, and keeps the first account', async () => {
      const email = uniqueEmail('dup');
      expect(
        (await register({ email, password: PASSWORD, firstName: 'First', lastName: 'One' })).status,
      ).toBe(201);
      const again = await register({
        email: email.toUpperCase(),
        password: PASSWORD,
        firstName: 'Second',
        lastName: 'Two',
      });
      expect(again.status).toBe(409);
      const rows = await t.dataSource.query('SELECT first_name FROM users WHERE email = $1', [email]);
      expect(rows).toEqual([{ first_name: 'First' }]);
    });

    it('gives the same 401 for an unknown email and a wrong password', async () => {
      const student = await t.createUser('student');
      const wrong = await t.http.post('/api/auth/login', {
        email: student.email,
        password: 'Wrong-password-123',
      });
      const unknown = await t.http.post('/api/auth/login', {
        email: uniqueEmail('ghost'),
        password: 'Wrong-password-123',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('answers the sixth failed login in a minute for one email with 429 and Retry-After', async () => {
      const student = await t.createUser('student');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const response = await t.http.post('/api/auth/login', {
          email: student.email,
          password: `Wrong-password-${attempt}`,
        });
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      // Blocked now, even with the right password; another account is unaffected.
      expect(
        (await t.http.post('/api/auth/login', { email: student.email, password: TEST_PASSWORD })).status,
      ).toBe(429);
      const other = await t.createUser('student');
      expect(
        (await t.http.post('/api/auth/login', { email: other.email, password: TEST_PASSWORD })).status,
      ).toBe(200);
    });

    it('lets a user change their names and student fields but not their role', async () => {
      const student = await t.createUser('student');
      const patched = await t.http.patch(
        '/api/auth/me',
        { firstName: 'Aruzhan', studyLevel: 'master', studyYear: 1 },
        { token: student.token },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        firstName: 'Aruzhan',
        studyLevel: 'master',
        studyYear: 1,
        role: 'student',
      });
      const promote = await t.http.patch('/api/auth/me', { role: 'admin' }, { token: student.token });
      expect(promote.status).toBe(400);
      const badLevel = await t.http.patch(
        '/api/auth/me',
        { studyLevel: 'postdoc' },
        { token: student.token },
      );
      expect(badLevel.status).toBe(400);
      expect(badLevel.body.fields[0].field).toBe('studyLevel');
    });

    it('refuses null for a name on PATCH /me (400 naming it), and clears a student field with null', async () => {
      const student = await t.createUser('student', { studentNumber: '120001' });
      for (const field of ['firstName', 'lastName']) {
        const nulled = await t.http.patch('/api/auth/me', { [field]: null }, { token: student.token });
        expect(nulled.status).toBe(400);
        expect(nulled.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
      }
      const cleared = await t.http.patch('/api/auth/me', { studentNumber: null }, { token: student.token });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ studentNumber: null, firstName: 'Student' });
    });
  });

  describe('tokens', () => {
    it('refuses a missing, malformed, tampered, alg:none or expired token with 401', async () => {
      const student = await t.createUser('student');
      expect((await t.http.get('/api/auth/me')).status).toBe(401);
      expect((await t.http.get('/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(
        401,
      );

      const [header, payload, signature] = student.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const tampered = `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
      expect((await t.http.get('/api/auth/me', { token: tampered })).status).toBe(401);

      const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
      expect((await t.http.get('/api/auth/me', { token: none })).status).toBe(401);

      const hs512 = signWithTestSecret({ alg: 'HS512', typ: 'JWT' }, claims);
      expect((await t.http.get('/api/auth/me', { token: hs512 })).status).toBe(401);

      const now = Math.floor(Date.now() / 1000);
      const expired = signWithTestSecret(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, iat: now - 7200, exp: now - 3600 },
      );
      expect((await t.http.get('/api/auth/me', { token: expired })).status).toBe(401);

      const valid = signWithTestSecret({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now, exp: now + 60 });
      expect((await t.http.get('/api/auth/me', { token: valid })).status).toBe(200);
    });

    it('ends a deactivated user’s token at once and refuses their login', async () => {
      const admin = await t.createUser('admin');
      const student = await t.createUser('student');
      expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(200);
      const deactivated = await t.http.patch(
        `/api/users/${student.id}`,
        { active: false },
        { token: admin.token },
      );
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.active).toBe(false);
      expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(401);
      expect(
        (await t.http.post('/api/auth/login', { email: student.email, password: TEST_PASSWORD })).status,
      ).toBe(401);

      await t.http.patch(`/api/users/${student.id}`, { active: true }, { token: admin.token });
      const again = await t.http.post('/api/auth/login', { email: student.email, password: TEST_PASSWORD });
      expect(again.status).toBe(200);
      // Reactivation does not revive the old token.
      expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(401);
    });

    it('changes a password only with the current one, ending older tokens', async () => {
      const student = await t.createUser('student');
      const wrong = await t.http.post(
        '/api/auth/password',
        { currentPassword: 'Not-the-password-1', newPassword: 'Brand-new-password-1' },
        { token: student.token },
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields).toEqual([
        { field: 'currentPassword', problems: ['currentPassword is incorrect'] },
      ]);

      const changed = await t.http.post(
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-password-1' },
        { token: student.token },
      );
      expect(changed.status).toBe(200);
      expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(401);
      expect((await t.http.get('/api/auth/me', { token: changed.body.accessToken })).status).toBe(200);
      const login = await t.http.post('/api/auth/login', {
        email: student.email,
        password: 'Brand-new-password-1',
      });
      expect(login.status).toBe(200);
    });
  });

  describe('administration', () => {
    it('keeps /api/users for admins: anonymous 401, student 403', async () => {
      const student = await t.createUser('student');
      expect((await t.http.get('/api/users')).status).toBe(401);
      expect((await t.http.get('/api/users', { token: student.token })).status).toBe(403);
    });

    it('has the first admin from ADMIN_EMAIL, who creates an advisor that logs in as advisor', async () => {
      const adminLogin = await t.http.post('/api/auth/login', TEST_ADMIN);
      expect(adminLogin.status).toBe(200);
      expect(adminLogin.body.user.role).toBe('admin');

      const email = uniqueEmail('marta');
      const created = await t.http.post(
        '/api/users',
        { email, password: PASSWORD, firstName: 'Marta', lastName: 'Bonet', role: 'advisor' },
        { token: adminLogin.body.accessToken },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email, role: 'advisor' });
      expect(created.text).not.toMatch(/password/i);

      const login = await t.http.post('/api/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe('advisor');
    });

    it('lists users by role and text, in keyset pages that return each user once', async () => {
      const admin = await t.createUser('admin');
      const marker = `Pagetest${Date.now()}`;
      const made = [];
      for (let index = 0; index < 7; index++)
        made.push(await t.createUser('coordinator', { lastName: `${marker} ${index}` }));

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.http.get('/api/users', {
          token: admin.token,
          query: { role: 'coordinator', q: marker, limit: 3, cursor },
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((user: { id: string }) => user.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual(made.map((user) => user.id).sort());

      const none = await t.http.get('/api/users', {
        token: admin.token,
        query: { role: 'student', q: marker },
      });
      expect(none.body).toEqual({ items: [], nextCursor: null });
      expect((await t.http.get('/api/users', { token: admin.token, query: { limit: 0 } })).status).toBe(400);
      expect(
        (await t.http.get('/api/users', { token: admin.token, query: { cursor: 'garbage' } })).status,
      ).toBe(400);
      expect((await t.http.get('/api/users', { token: admin.token, query: { role: 'wizard' } })).status).toBe(
        400,
      );
    });

    it('changes a user’s role, and answers 404 for an unknown id and 400 for a malformed one', async () => {
      const admin = await t.createUser('admin');
      const user = await t.createUser('student');
      const promoted = await t.http.patch(
        `/api/users/${user.id}`,
        { role: 'editor' },
        { token: admin.token },
      );
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('editor');
      // The token carried the old role; the guard reads the current one.
      expect((await t.http.get('/api/users', { token: user.token })).status).toBe(403);
      expect(
        (await t.http.get('/api/users/00000000-0000-4000-8000-000000000000', { token: admin.token })).status,
      ).toBe(404);
      expect((await t.http.get('/api/users/not-a-uuid', { token: admin.token })).status).toBe(400);
    });

    it('refuses null for role, names or active on PATCH /users/:id (400 naming it), changing nothing', async () => {
      const admin = await t.createUser('admin');
      const user = await t.createUser('advisor');
      for (const field of ['role', 'firstName', 'lastName', 'active']) {
        const nulled = await t.http.patch(`/api/users/${user.id}`, { [field]: null }, { token: admin.token });
        expect(nulled.status).toBe(400);
        expect(nulled.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
      }
      const unchanged = await t.http.get(`/api/users/${user.id}`, { token: admin.token });
      expect(unchanged.body).toMatchObject({ role: 'advisor', firstName: 'Advisor', active: true });
    });
  });
});

describe('Audit trail (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('audits concurrent role changes as one chain: each from is the role the change replaced', async () => {
    const admin = await t.createUser('admin');
    const user = await t.createUser('student');
    const roles = ['advisor', 'coordinator', 'editor'];
    const responses = await Promise.all(
      roles.map((role) => t.http.patch(`/api/users/${user.id}`, { role }, { token: admin.token })),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    const trail = await t.http.get('/api/audit', {
      token: admin.token,
      query: { targetId: user.id, action: 'user.role.changed' },
    });
    const steps = new Map<string, string>(
      trail.body.items.map((entry: { details: { from: string; to: string } }) => [
        entry.details.from,
        entry.details.to,
      ]),
    );
    // Three changes from three distinct roles: following the chain from 'student' visits all.
    expect(trail.body.items).toHaveLength(3);
    let role = 'student';
    for (let step = 0; step < 3; step++) role = steps.get(role) ?? 'broken chain';
    const current = await t.http.get(`/api/users/${user.id}`, { token: admin.token });
    expect(role).toBe(current.body.role);
  });

  it('records logins, failures and role and activation changes, without passwords or tokens', async () => {
    const admin = await t.createUser('admin');
    const student = await t.createUser('student');
    const ghost = uniqueEmail('ghost');
    expect(
      (await t.http.post('/api/auth/login', { email: student.email, password: 'Wrong-password-1' })).status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/login', { email: ghost, password: 'Wrong-password-1' })).status,
    ).toBe(401);
    const login = await t.http.post('/api/auth/login', { email: student.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    await t.http.patch(`/api/users/${student.id}`, { role: 'advisor' }, { token: admin.token });
    await t.http.patch(`/api/users/${student.id}`, { active: false }, { token: admin.token });

    const trail = await t.http.get('/api/audit', { token: admin.token, query: { targetId: student.id } });
    expect(trail.status).toBe(200);
    const actions = trail.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual([
      'user.deactivated',
      'user.role.changed',
      'auth.login.succeeded',
      'auth.login.failed',
    ]);
    const roleChange = trail.body.items[1];
    expect(roleChange).toMatchObject({ actorId: admin.id, details: { from: 'student', to: 'advisor' } });
    expect(roleChange.address).toEqual(expect.any(String));

    const failures = await t.http.get('/api/audit', {
      token: admin.token,
      query: { action: 'auth.login.failed', limit: 100 },
    });
    const unknown = failures.body.items.find(
      (entry: { targetId: string | null; details: Record<string, string> }) =>
        !entry.targetId && entry.details.emailSha256,
    );
    expect(unknown).toBeDefined();

    const everything = JSON.stringify((await t.dataSource.query('SELECT * FROM audit_log')) as unknown[]);
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain('Wrong-password-1');
    expect(everything).not.toContain(ghost);
    expect(everything).not.toContain(login.body.accessToken);
  });
});
