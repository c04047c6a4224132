import { bootApp, type TestApp } from '../support/test-app.js';

describe('HTTP hardening (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({ CORS_ORIGINS: 'https://mobility.umons.ac.be', RATE_LIMIT_PER_MINUTE: '8' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends security headers on answers and errors alike', async () => {
    for (const response of [await t.http.get('/health'), await t.http.get('/api/nothing-here')]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('grants CORS to a configured origin only', async () => {
    const allowed = await t.http.request('OPTIONS', '/api/auth/login', {
      headers: { origin: 'https://mobility.umons.ac.be', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://mobility.umons.ac.be');

    const denied = await t.http.request('OPTIONS', '/api/auth/login', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const deniedGet = await t.http.get('/health', { headers: { origin: 'https://evil.example' } });
    expect(deniedGet.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a 2 MB JSON body with 413 in the error shape', async () => {
    const huge = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) });
    const response = await t.http.request('POST', '/api/auth/login', {
      body: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('limits requests per signed-in user with 429 and Retry-After, not per shared address', async () => {
    const first = await t.createUser('student');
    const second = await t.createUser('student');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let index = 0; index < 10; index++) {
      const response = await t.http.get('/api/auth/me', { token: first.token });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers['retry-after'];
        expect(response.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another user from the same address still has their own allowance; probes are never limited.
    expect((await t.http.get('/api/auth/me', { token: second.token })).status).toBe(200);
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
