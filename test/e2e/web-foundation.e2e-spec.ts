import { pageRequest } from '../support/page-session.js';
import { bootApp, TEST_PASSWORD, uniqueEmail, type TestApp } from '../support/test-app.js';

describe('Pages: foundation (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const countUsers = async (email: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM users WHERE email = $1`, [email]))[0].n);

  it('sends / to the best language of Accept-Language, French by default', async () => {
    const russian = await t.http.get('/', {
      redirect: 'manual',
      headers: { 'accept-language': 'de;q=1, ru-RU;q=0.8, en;q=0.5' },
    });
    expect(russian.status).toBe(302);
    expect(russian.headers.location).toBe('/ru');
    const none = await t.http.get('/', { redirect: 'manual', headers: { 'accept-language': 'de' } });
    expect(none.headers.location).toBe('/fr');
  });

  it('answers unknown pages and unknown languages with the 404 page in the page’s language; the API keeps JSON', async () => {
    const french = await pageRequest(t.http, 'GET', '/fr/no-such-page');
    expect(french.status).toBe(404);
    expect(french.headers['content-type']).toContain('text/html');
    expect(french.text).toContain('<h1>Page introuvable</h1>');
    expect(french.text).toContain('lang="fr"');
    const kazakh = await pageRequest(t.http, 'GET', '/kk/programmes/not-a-page/at-all');
    expect(kazakh.text).toContain('Бет табылмады');
    const unknownLanguage = await pageRequest(t.http, 'GET', '/xx/sign-in');
    expect(unknownLanguage.status).toBe(404);
    expect(unknownLanguage.headers['content-type']).toContain('text/html');
    const api = await t.http.get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('serves pages with a strict CSP and no inline script or style, and the assets from our origin', async () => {
    const page = await pageRequest(t.http, 'GET', '/en/sign-in');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/<style|\sstyle="/);
    const css = await t.http.get('/assets/portal.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    const htmx = await t.http.get('/assets/htmx.min.js');
    expect(htmx.status).toBe(200);
    expect(htmx.text).toContain('htmx');
  });

  it('refuses a form POST without a valid CSRF token with the 403 page, and stores nothing', async () => {
    const email = uniqueEmail('csrf');
    const fields = { firstName: 'Eve', lastName: 'Forger', email, password: TEST_PASSWORD };
    const missing = await pageRequest(t.http, 'POST', '/fr/register', { fields, csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Le formulaire a expiré');
    const forged = await pageRequest(t.http, 'POST', '/fr/register', {
      fields: { ...fields, _csrf: 'forged-token' },
      csrf: false,
    });
    expect(forged.status).toBe(403);
    expect(await countUsers(email)).toBe(0);
    const valid = await pageRequest(t.http, 'POST', '/fr/register', { fields });
    expect(valid.status).toBe(303);
    expect(await countUsers(email)).toBe(1);
  });

  it('starts an HttpOnly SameSite=Lax session that deactivation or a password change ends at once', async () => {
    const email = uniqueEmail('session');
    const registered = await pageRequest(t.http, 'POST', '/en/register', {
      fields: { firstName: 'Dana', lastName: 'Session', email, password: TEST_PASSWORD },
    });
    expect(registered.headers.location).toBe('/en/applications?notice=auth.notice.registered');
    const setCookie = registered.headers['set-cookie'];
    expect(setCookie).toMatch(/portal_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const session = /portal_session=([^;]+)/.exec(setCookie)![1];

    const signedIn = await pageRequest(t.http, 'GET', '/en', { session });
    expect(signedIn.text).toContain('Signed in as Dana Session');
    // The API reads bearer tokens only, never the page cookie.
    const api = await t.http.get('/api/auth/me', { headers: { cookie: `portal_session=${session}` } });
    expect(api.status).toBe(401);

    await t.dataSource.query(
      `UPDATE users SET active = false, token_version = token_version + 1 WHERE email = $1`,
      [email],
    );
    const after = await pageRequest(t.http, 'GET', '/en', { session });
    expect(after.status).toBe(200);
    expect(after.text).not.toContain('Dana Session');
    expect(after.text).toContain('Sign in');
  });

  it('a password change ends the page session too', async () => {
    const student = await t.createUser('student', { firstName: 'Pavel' });
    expect((await pageRequest(t.http, 'GET', '/ru', { session: student.token })).text).toContain('Pavel');
    const changed = await t.http.post(
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'Another-long-password-2' },
      { token: student.token },
    );
    expect(changed.status).toBe(200);
    expect((await pageRequest(t.http, 'GET', '/ru', { session: student.token })).text).not.toContain('Pavel');
  });

  it('shows what people typed as text, never as markup', async () => {
    const email = uniqueEmail('xss');
    const registered = await pageRequest(t.http, 'POST', '/fr/register', {
      fields: {
        firstName: '<script>alert(1)</script>',
        lastName: '<b>Bold</b>',
        email,
        password: TEST_PASSWORD,
      },
    });
    const session = /portal_session=([^;]+)/.exec(registered.headers['set-cookie'])![1];
    const home = await pageRequest(t.http, 'GET', '/fr', { session });
    expect(home.text).toContain('&lt;script>alert(1)&lt;/script> &lt;b>Bold&lt;/b>');
    expect(home.text).not.toContain('<script>alert(1)');
  });

  it('sends the sign-in page back with the problem, keeping the email, for wrong credentials', async () => {
    const response = await pageRequest(t.http, 'POST', '/fr/sign-in', {
      fields: { email: 'nobody@test.portal', password: 'not-the-password' },
    });
    expect(response.status).toBe(401);
    expect(response.text).toContain('L’adresse e-mail ou le mot de passe est incorrect');
    expect(response.text).toContain('value="nobody@test.portal"');
    expect(response.headers['set-cookie'] ?? '').not.toContain('portal_session');
  });

  it('refuses to send anyone to another site after signing in', async () => {
    const student = await t.createUser('student');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await pageRequest(t.http, 'POST', '/en/sign-in', {
        fields: { email: student.email, password: TEST_PASSWORD, next },
      });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/en/applications');
    }
  });
});

describe('Pages: session cookie behind https', () => {
  it('is Secure when PUBLIC_BASE_URL is https', async () => {
    const t = await bootApp({ PUBLIC_BASE_URL: 'https://portal.example.org' });
    try {
      const response = await pageRequest(t.http, 'POST', '/en/register', {
        fields: {
          firstName: 'Sam',
          lastName: 'Secure',
          email: uniqueEmail('secure'),
          password: TEST_PASSWORD,
        },
      });
      expect(response.headers['set-cookie']).toMatch(/portal_session=[^;]+;[^,]*Secure/);
    } finally {
      await t.close();
    }
  });
});
