import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * The login throttle counts in PostgreSQL, so several instances of the portal on one database
 * share it (issue 17 item 1): two apps here, each with its own memory, alternate the attempts.
 */
describe('Login limits across instances (e2e)', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await bootApp();
    second = await bootApp();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  /** POST /api/auth/login to `app` over a socket bound to `localAddress` (the client address). */
  function login(app: TestApp, email: string, password: string, localAddress: string) {
    const port = (app.app.getHttpServer().address() as AddressInfo).port;
    const payload = JSON.stringify({ email, password });
    return new Promise<{ status: number; code?: string; retryAfter?: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          localAddress,
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              code: (JSON.parse(text) as { code?: string }).code,
              retryAfter: response.headers['retry-after'] as string | undefined,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  it('refuses the sixth failed login in a minute whichever instance receives it', async () => {
    const student = await first.createUser('student');
    const address = '127.0.19.30';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const app = attempt % 2 === 0 ? first : second;
      statuses.push((await login(app, student.email, `Wrong-password-${attempt}`, address)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    for (const app of [first, second]) {
      const blocked = await login(app, student.email, TEST_PASSWORD, address);
      expect(blocked).toMatchObject({ status: 429, code: 'LOGIN_ACCOUNT_LIMITED' });
      expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    }
    // The same account from another address is a counter of its own.
    expect((await login(second, student.email, TEST_PASSWORD, '127.0.19.31')).status).toBe(200);
  });
});
