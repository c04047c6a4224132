import { bootApp, type TestApp } from '../support/test-app.js';

describe('Foundation (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness, with a request id on every response', async () => {
    const live = await t.http.get('/health');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(live.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.database.status).toBe('up');
  });

  it('keeps a caller-provided request id that is a plain token, and replaces one that is not', async () => {
    const kept = await t.http.get('/health', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await t.http.get('/health', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers['x-request-id']).not.toContain(' ');
  });

  it('answers an unknown route with a JSON 404 in the error shape', async () => {
    const response = await t.http.get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
    expect(typeof response.body.message).toBe('string');
  });

  it('answers a malformed JSON body with a JSON 400, not a 500', async () => {
    const response = await t.http.request('POST', '/api/auth/login', {
      body: '{"email": "a@b.c", ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers text with a lone surrogate with a 400 naming the field, not a 500 (found by the fuzzer)', async () => {
    const response = await t.http.request('POST', '/api/auth/register', {
      // JSON can carry "\ud800"; the email validator threw on it.
      body: '{"email":"a\\ud800@b.c","password":"Long-enough-password-1","firstName":"A","lastName":"B"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'email', problems: ['email must be well-formed Unicode text'] },
    ]);
  });

  it('answers a NUL character in a query parameter or a body field with a 400, not a 500', async () => {
    const admin = await t.createUser('admin');
    const search = await t.http.get('/api/institutions', { query: { q: 'a\u0000b' } });
    const created = await t.http.post(
      '/api/institutions',
      { name: 'a\u0000b', countryCode: 'BE', city: 'Mons', schacCode: 'nul-test.example.org' },
      { token: admin.token },
    );
    for (const response of [search, created]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('NUL'),
      });
    }
    const stored = await t.dataSource.query(
      `SELECT 1 FROM institutions WHERE schac_code = 'nul-test.example.org'`,
    );
    expect(stored).toEqual([]);
  });

  it('serves the OpenAPI document with bearer auth declared and the API routes listed', async () => {
    const response = await t.http.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/health']));
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('has applied every migration to the fresh test database', async () => {
    const [{ name }] = await t.dataSource.query('SELECT current_database() AS name');
    expect(name).toContain('test');
    const pending = await t.dataSource.showMigrations();
    expect(pending).toBe(false);
  });
});
