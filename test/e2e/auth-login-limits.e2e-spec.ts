import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { PasswordService } from '../../src/users/password.service.js';
import { loginFrom, type LoginAnswer } from '../support/login-from.js';
import { bootApp, TEST_PASSWORD, uniqueEmail, type TestApp } from '../support/test-app.js';

/**
 * Login floods (issue 19 items 3 and 4). The portal takes the client address from the socket
 * (trustProxy is off), so each client here binds its socket to an address of its own in the
 * loopback range (127.0.0.0/8 all reaches this machine): the tests never share an address with
 * each other or with other test files (127.0.0.1).
 */

describe('Login limits (e2e)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await bootApp();
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
  });

  function login(email: string, password: string, localAddress: string): Promise<LoginAnswer> {
    return loginFrom(port, { email, password }, localAddress);
  }

  it('keeps a real login from another address prompt while one address floods unknown emails', async () => {
    const student = await t.createUser('student');
    const flooder = '127.0.19.7';
    // Warm-up: one real login when nothing else runs, for comparison in the report.
    const quiet = await login(student.email, TEST_PASSWORD, '127.0.19.20');
    expect(quiet.status).toBe(200);

    const floodStarted = performance.now();
    const flood = Array.from({ length: 40 }, (_, index) =>
      login(uniqueEmail(`ghost${index}`), 'Wrong-password-123', flooder).then((answer) => ({
        ...answer,
        endedAt: performance.now() - floodStarted,
      })),
    );
    // The real login leaves once the flood is under way.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const real = await login(student.email, TEST_PASSWORD, '127.0.19.21');
    const realEndedAt = performance.now() - floodStarted;
    const flooded = await Promise.all(flood);

    const statuses = flooded.map((answer) => answer.status);
    const refused = flooded.filter((answer) => answer.status === 429);
    console.log(
      `login latency: quiet ${quiet.took.toFixed(0)} ms, during a 40-login flood ${real.took.toFixed(0)} ms; ` +
        `flood answers: ${statuses.filter((s) => s === 401).length} x 401, ${refused.length} x 429, ` +
        `slowest ${Math.max(...flooded.map((answer) => answer.took)).toFixed(0)} ms`,
    );
    expect(real.status).toBe(200);
    // It does not wait behind the flood's queue: it ends before the flood's last checked attempt (an
    // order, not a time, so a loaded machine cannot fail it; the times are reported above and benched).
    const lastChecked = Math.max(...flooded.filter((a) => a.status === 401).map((a) => a.endedAt));
    expect(realEndedAt).toBeLessThan(lastChecked);
    // Most of the flood is refused at once, each refusal with Retry-After and a code.
    expect(refused.length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    for (const answer of refused) {
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(['LOGIN_ADDRESS_LIMITED', 'PASSWORD_HASHING_BUSY']).toContain(answer.body.code);
    }
  });

  it('limits login attempts per address whatever the email, and leaves other addresses alone', async () => {
    const address = '127.0.19.8';
    const statuses: number[] = [];
    // One at a time, so only the per-address allowance (not the hashing queue) can refuse.
    for (let attempt = 0; attempt < 21; attempt++) {
      statuses.push((await login(uniqueEmail('spray'), 'Wrong-password-123', address)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    const student = await t.createUser('student');
    expect((await login(student.email, TEST_PASSWORD, address)).status).toBe(429);
    expect((await login(student.email, TEST_PASSWORD, '127.0.19.9')).status).toBe(200);
  });

  it('checks at most the allowance of passwords when 20 logins for one account race', async () => {
    const student = await t.createUser('student');
    const address = '127.0.19.10';
    // Counts the password checks that ran to the end (a call refused by the hashing queue is none).
    const passwords = t.app.get(PasswordService);
    const original = passwords.verify.bind(passwords);
    let checks = 0;
    const verify = jest.spyOn(passwords, 'verify').mockImplementation(async (...args) => {
      const matches = await original(...args);
      checks += 1;
      return matches;
    });
    try {
      const wrong = Array.from({ length: 19 }, (_, index) =>
        login(student.email, `Wrong-password-${index}`, address),
      );
      // The right password leaves last, once the allowance has been taken by the wrong ones (the
      // refusals beyond it answer at once, while the checked ones are still hashing).
      const answers: LoginAnswer[] = [];
      const settled = wrong.map((promise) => promise.then((answer) => answers.push(answer)));
      while (answers.filter((answer) => answer.status === 429).length < 14) {
        if (answers.length === 19) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const right = await login(student.email, TEST_PASSWORD, address);
      await Promise.all(settled);
      const failures = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login.failed' AND target_id = $1`,
        [student.id],
      );
      console.log(
        `20-login race for one account: ${checks} password checks, the right one answered ${right.status}`,
      );

      // Every checked attempt is a 401; every other one was refused before any hashing.
      const unauthorized = answers.filter((answer) => answer.status === 401).length;
      expect(checks).toBeLessThanOrEqual(5);
      expect(checks).toBe(unauthorized);
      expect(failures[0].n).toBe(checks);
      expect(unauthorized).toBeGreaterThanOrEqual(1);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(19 - unauthorized);
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('LOGIN_ACCOUNT_LIMITED');
    } finally {
      verify.mockRestore();
    }
  });
});
