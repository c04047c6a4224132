import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface LoginAnswer {
  status: number;
  /** The JSON answer (an error's `code` among others); empty when the body is not JSON. */
  body: { code?: string } & Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Milliseconds from sending to the answer (for reports, never for assertions). */
  took: number;
}

/**
 * POST /api/auth/login to the portal on `port` over a socket bound to `localAddress`, which the
 * portal sees as the client's address when it trusts no proxy: the loopback range 127.0.0.0/8
 * all reaches this machine, so each test can be a client of its own that no other test shares.
 */
export function loginFrom(
  port: number,
  credentials: { email: string; password: string },
  localAddress: string,
): Promise<LoginAnswer> {
  const started = performance.now();
  const payload = JSON.stringify(credentials);
  return new Promise((resolve, reject) => {
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
        response.on('end', () => {
          let body: LoginAnswer['body'] = {};
          try {
            body = JSON.parse(text) as LoginAnswer['body'];
          } catch {
            // not JSON (a proxy's own answer): the status says enough
          }
          resolve({
            status: response.statusCode ?? 0,
            body,
            headers: response.headers,
            took: performance.now() - started,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
