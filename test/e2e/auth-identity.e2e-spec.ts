import { randomUUID } from 'node:crypto';
import { PasswordService } from '../../src/users/password.service.js';
import { bootApp, type TestApp } from '../support/test-app.js';

/**
 * Lookalike e-mail addresses and password normalisation (issue 19 items 9 and 10): what a person
 * registering, an admin creating accounts, and someone signing in would see.
 */
const PASSWORD = 'Almaty-mountains-2026';

/** A lower-case Latin tag without the letters and digits the skeleton folds (l, o, m, 0, 1). */
const tag = () =>
  randomUUID()
    .replace(/[^a-z2-9]/g, '')
    .replace(/[lom]/g, 'x')
    .slice(0, 10);

describe('E-mail addresses and passwords, normalised (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (email: string, password = PASSWORD) =>
    t.http.post('/api/auth/register', { email, password, firstName: 'Dana', lastName: 'Sarsen' });

  describe('lookalike addresses', () => {
    it('refuses a Cyrillic, Greek or digit lookalike of an existing address with 409 EMAIL_CONFUSABLE', async () => {
      const id = tag();
      const original = `admin-${id}@portal.test`;
      expect((await register(original)).status).toBe(201);
      for (const lookalike of [
        `\u0430dmin-${id}@portal.test`, // Cyrillic а
        `adm\u0456n-${id}@portal.test`, // Cyrillic і
        `\u03B1dmin-${id}@portal.test`, // Greek α
        `adrnin-${id}@portal.test`, // rn for m
        `adm\u0131n-${id}@portal.test`, // dotless ı
        `admin-${id}@p\u043Ertal.test`, // Cyrillic о in the domain
      ]) {
        const answer = await register(lookalike);
        expect({ lookalike, status: answer.status, code: answer.body.code }).toEqual({
          lookalike,
          status: 409,
          code: 'EMAIL_CONFUSABLE',
        });
        expect(answer.body.fields).toEqual([
          { field: 'email', problems: [expect.stringMatching(/looks like/)] },
        ]);
      }
      const rows = await t.dataSource.query(`SELECT email FROM users WHERE email LIKE $1`, [`%${id}%`]);
      expect(rows).toEqual([{ email: original }]);
    });

    it('folds full-width letters into the plain address: the same account, so 409 ALREADY_EXISTS and the same login', async () => {
      const id = tag();
      const plain = `dana-${id}@portal.test`;
      expect((await register(plain)).status).toBe(201);
      const fullWidth = `ＤＡＮＡ-${id}@portal.test`;
      const again = await register(fullWidth);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_EXISTS');
      const login = await t.http.post('/api/auth/login', { email: fullWidth, password: PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.user.email).toBe(plain);
    });

    it('refuses invisible characters in an address with a 400 naming the field and the character', async () => {
      for (const [character, codePoint] of [
        ['\u200B', 'U+200B'],
        ['\u200D', 'U+200D'],
        ['\u202E', 'U+202E'],
        ['\u2066', 'U+2066'],
        ['\u00AD', 'U+00AD'],
        ['\uFEFF', 'U+FEFF'],
      ]) {
        const answer = await register(`ad${character}min-${tag()}@portal.test`);
        expect(answer.status).toBe(400);
        const email = answer.body.fields.find((entry: { field: string }) => entry.field === 'email');
        expect(email.problems).toContain(
          `email must not contain invisible or formatting characters (found ${codePoint})`,
        );
      }
      // Signing in with one is refused the same way, before any password check.
      const login = await t.http.post('/api/auth/login', {
        email: `ad\u200Bmin@portal.test`,
        password: PASSWORD,
      });
      expect(login.status).toBe(400);
      expect(login.body.fields.map((entry: { field: string }) => entry.field)).toEqual(['email']);
    });

    it('refuses a lookalike when an admin creates the account too', async () => {
      const admin = await t.createUser('admin');
      const id = tag();
      const made = await t.http.post(
        '/api/users',
        {
          email: `advisor-${id}@umons.test`,
          password: PASSWORD,
          firstName: 'A',
          lastName: 'B',
          role: 'advisor',
        },
        { token: admin.token },
      );
      expect(made.status).toBe(201);
      const lookalike = await t.http.post(
        '/api/users',
        {
          email: `adv\u0456s\u043Er-${id}@umons.test`,
          password: PASSWORD,
          firstName: 'A',
          lastName: 'B',
          role: 'admin',
        },
        { token: admin.token },
      );
      expect(lookalike.status).toBe(409);
      expect(lookalike.body.code).toBe('EMAIL_CONFUSABLE');
    });

    it('lets only one of two lookalike registrations racing each other win (the unique skeleton)', async () => {
      for (let round = 0; round < 3; round++) {
        const id = tag();
        const answers = await Promise.all([
          register(`racer-${id}@portal.test`),
          register(`r\u0430cer-${id}@portal.test`),
        ]);
        expect(answers.map((answer) => answer.status).sort((a, b) => a - b)).toEqual([201, 409]);
        const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [
          `%cer-${id}@portal.test`,
        ]);
        expect(rows[0].n).toBe(1);
      }
    });

    it('keeps the skeleton with the address on every write, erasure included, which frees the address', async () => {
      const admin = await t.createUser('admin');
      const email = `erase-me-${tag()}@portal.test`;
      const registered = await register(email);
      expect(registered.status).toBe(201);
      const [before] = await t.dataSource.query(
        `SELECT email_skeleton, users_email_skeleton($1) AS expected FROM users WHERE id = $2`,
        [email, registered.body.user.id],
      );
      expect(before.email_skeleton).toBe(before.expected);
      expect(
        (await t.http.post(`/api/users/${registered.body.user.id}/erase`, {}, { token: admin.token })).status,
      ).toBe(200);
      const [after] = await t.dataSource.query(
        `SELECT email, email_skeleton, users_email_skeleton(email) AS expected FROM users WHERE id = $1`,
        [registered.body.user.id],
      );
      expect(after.email).not.toBe(email);
      expect(after.email_skeleton).toBe(after.expected);
      expect((await register(email.replace('e', '\u0435'))).status).toBe(201);
    });

    it('folds the confusables of the table and nothing else (the database function)', async () => {
      const same = async (a: string, b: string) =>
        (
          await t.dataSource.query(`SELECT users_email_skeleton($1) = users_email_skeleton($2) AS same`, [
            a,
            b,
          ])
        )[0].same as boolean;
      const confusable: Array<[string, string]> = [
        ['paypal@x.test', 'p\u0430yp\u0430l@x.test'],
        ['apple@x.test', '\u0430\u0440\u0440le@x.test'],
        ['scope@x.test', '\u0455\u0441\u043E\u0440\u0435@x.test'],
        ['jury@x.test', '\u0458ur\u0443@x.test'],
        ['kappa@x.test', '\u03BA\u03B1ppa@x.test'],
        ['modern@x.test', 'rnodern@x.test'],
        ['bill@x.test', 'bi11@x.test'],
        ['bob0@x.test', 'bobo@x.test'],
        ['a-b@x.test', 'a\u2010b@x.test'],
        ['ana@x.test', '\uFF41\uFF4E\uFF41@x.test'],
        ['élodie@x.test', 'e\u0301lodie@x.test'],
      ];
      for (const [a, b] of confusable) expect({ a, b, same: await same(a, b) }).toEqual({ a, b, same: true });
      const distinct: Array<[string, string]> = [
        ['anna@x.test', 'anne@x.test'],
        ['élodie@x.test', 'elodie@x.test'],
        ['айгерим@kaznu.kz', 'aigerim@kaznu.kz'],
        ['a.b@x.test', 'ab@x.test'],
      ];
      for (const [a, b] of distinct) expect({ a, b, same: await same(a, b) }).toEqual({ a, b, same: false });
    });
  });

  describe('passwords', () => {
    it('judges a password after NFKC: full-width PASSWORD12 is common, blank ones are refused', async () => {
      const common = await register(`pw-${tag()}@portal.test`, 'ＰＡＳＳＷＯＲＤ１２');
      expect(common.status).toBe(400);
      expect(common.body.fields).toEqual([
        { field: 'password', problems: [expect.stringMatching(/common/)] },
      ]);

      for (const blank of [' '.repeat(10), '\u3000'.repeat(10), '\u00A0'.repeat(12)]) {
        const answer = await register(`pw-${tag()}@portal.test`, blank);
        expect(answer.status).toBe(400);
        expect(answer.body.fields).toEqual([
          { field: 'password', problems: ['password must contain characters other than spaces'] },
        ]);
      }
      // Ten characters as typed, five once composed: too short.
      const composed = await register(`pw-${tag()}@portal.test`, 'e\u0301'.repeat(5));
      expect(composed.status).toBe(400);
      expect(composed.body.fields[0].field).toBe('password');
    });

    it('stores the hash of the normalised password, and signs in with either form', async () => {
      const email = `pw-${tag()}@portal.test`;
      const fullWidth = 'Ｓｔｅｐｐｅ-２０２６-ｓｅａ';
      const registered = await register(email, fullWidth);
      expect(registered.status).toBe(201);
      const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [email]);
      const passwords = t.app.get(PasswordService);
      expect(await passwords.verify('Steppe-2026-sea', row.password_hash)).toBe(true);
      for (const typed of ['Steppe-2026-sea', fullWidth]) {
        expect((await t.http.post('/api/auth/login', { email, password: typed })).status).toBe(200);
      }
      expect((await t.http.post('/api/auth/login', { email, password: 'Steppe-2026-SEA' })).status).toBe(401);
    });

    it('applies the same rules to a password change', async () => {
      const email = `pw-${tag()}@portal.test`;
      const registered = await register(email);
      const token = registered.body.accessToken as string;
      for (const [newPassword, problem] of [
        [' '.repeat(10), /other than spaces/],
        ['ＰＡＳＳＷＯＲＤ１２３', /common/],
      ] as const) {
        const answer = await t.http.post(
          '/api/auth/password',
          { currentPassword: PASSWORD, newPassword },
          { token },
        );
        expect(answer.status).toBe(400);
        expect(answer.body.fields).toEqual([
          { field: 'newPassword', problems: [expect.stringMatching(problem)] },
        ]);
      }
    });
  });
});
