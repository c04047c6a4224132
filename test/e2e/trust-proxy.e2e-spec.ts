import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootApp, type TestApp } from '../support/test-app.js';

/**
 * Behind the reverse proxy every request comes from the proxy's address: with TRUST_PROXY naming
 * it, X-Forwarded-For gives the client's, so the login throttle counts each client on its own;
 * without it, the header is ignored (a client cannot pick an address to dodge the throttle).
 */
describe('TRUST_PROXY (e2e)', () => {
  let trusting: TestApp;
  let plain: TestApp;

  beforeAll(async () => {
    trusting = await bootApp({ TRUST_PROXY: '127.0.19.40' });
    plain = await bootApp();
  });
  afterAll(async () => {
    await trusting?.close();
    await plain?.close();
  });

  /** A failed login sent from `localAddress` with the given X-Forwarded-For. */
  function wrongLogin(app: TestApp, email: string, localAddress: string, forwardedFor: string) {
    const port = (app.app.getHttpServer().address() as AddressInfo).port;
    const payload = JSON.stringify({ email, password: 'Not-the-password-1' });
    return new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          localAddress,
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'x-forwarded-for': forwardedFor,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  it('counts each forwarded client on its own behind a trusted proxy', async () => {
    const student = await trusting.createUser('student');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push(await wrongLogin(trusting, student.email, '127.0.19.40', '198.51.100.7'));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another client behind the same proxy has an allowance of its own.
    expect(await wrongLogin(trusting, student.email, '127.0.19.40', '198.51.100.8')).toBe(401);
  });

  it('ignores X-Forwarded-For from an address it does not trust', async () => {
    const student = await trusting.createUser('student');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      // A new forged client address on each try: still one counter, the socket's.
      statuses.push(await wrongLogin(plain, student.email, '127.0.19.41', `198.51.100.${20 + attempt}`));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The trusting app does not trust 127.0.19.42 either: the header changes nothing there.
    for (let attempt = 0; attempt < 5; attempt++) {
      await wrongLogin(trusting, student.email, '127.0.19.42', `198.51.100.${40 + attempt}`);
    }
    expect(await wrongLogin(trusting, student.email, '127.0.19.42', '198.51.100.99')).toBe(429);
  });
});
