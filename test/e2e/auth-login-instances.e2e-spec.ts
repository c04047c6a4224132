import type { AddressInfo } from 'node:net';
import { loginFrom } from '../support/login-from.js';
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

  /** POST /api/auth/login to `app` from `localAddress` (the client address). */
  async function login(app: TestApp, email: string, password: string, localAddress: string) {
    const port = (app.app.getHttpServer().address() as AddressInfo).port;
    const answer = await loginFrom(port, { email, password }, localAddress);
    return { status: answer.status, code: answer.body.code, retryAfter: answer.headers['retry-after'] };
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
