import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loginFrom } from '../support/login-from.js';
import { bootApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'metrics-token-for-the-e2e-test';

/** GET /metrics (Prometheus text format), behind METRICS_TOKEN. */
describe('Metrics (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function scrape(): Promise<string> {
    const response = await t.http.get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text;
  }

  /** The value of one series, or undefined when it is not there. */
  function valueOf(text: string, series: string): number | undefined {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  }

  it('refuses a scrape without the token (401), with another one, or with a user token', async () => {
    const student = await t.createUser('student');
    for (const authorization of [undefined, 'Bearer not-the-metrics-token', `Bearer ${student.token}`]) {
      const response = await t.http.get('/metrics', { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
    }
  });

  it('counts the request made just before by route pattern and status, never itself', async () => {
    const list = 'portal_http_requests_total{method="GET",route="/api/programmes",status="200"}';
    const missing = 'portal_http_requests_total{method="GET",route="/api/programmes/:id",status="404"}';
    const before = await scrape();
    expect((await t.http.get('/api/programmes', { query: { limit: 1 } })).status).toBe(200);
    expect((await t.http.get(`/api/programmes/${randomUUID()}`)).status).toBe(404);
    const after = await scrape();
    expect((valueOf(after, list) ?? 0) - (valueOf(before, list) ?? 0)).toBe(1);
    expect((valueOf(after, missing) ?? 0) - (valueOf(before, missing) ?? 0)).toBe(1);
    expect(
      valueOf(
        after,
        'portal_http_request_duration_seconds_count{method="GET",route="/api/programmes",status="200"}',
      ),
    ).toBe(valueOf(after, list));
    // Not the concrete URL: one series per route whatever the id.
    expect(after).not.toMatch(/route="\/api\/programmes\/[0-9a-f]{8}-/);
    // Two scrapes and four refused ones before: none of them counted.
    expect(after).not.toContain('route="/metrics"');
  });

  it('shows the database pool and the outbox (depth and oldest pending age)', async () => {
    const student = await t.createUser('student');
    // An e-mail of this test's own, written two hours ago and due only tomorrow: no sender takes it.
    const [row] = await t.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO notifications (recipient_id, kind, locale, subject, text_body, html_body, link, dedupe_key,
                                  created_at, next_attempt_at)
       VALUES ($1, 'application-submitted', 'en', 'Metrics', 'text', '<p>html</p>', 'http://localhost/',
               $2, now() - interval '2 hours', now() + interval '1 day')
       RETURNING id`,
      [student.id, `metrics-test-${randomUUID()}`],
    );
    try {
      const text = await scrape();
      expect(valueOf(text, 'portal_outbox_depth')).toBeGreaterThanOrEqual(1);
      expect(valueOf(text, 'portal_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(7200);
      expect(valueOf(text, 'portal_db_pool_max_connections')).toBe(10);
      const total = valueOf(text, 'portal_db_pool_connections{state="total"}')!;
      const idle = valueOf(text, 'portal_db_pool_connections{state="idle"}')!;
      expect(total).toBeGreaterThanOrEqual(1);
      expect(valueOf(text, 'portal_db_pool_connections{state="in_use"}')).toBe(total - idle);
      expect(valueOf(text, 'portal_db_pool_connections{state="waiting"}')).toBe(0);
      expect(text).toContain('portal_process_resident_memory_bytes');
    } finally {
      await t.dataSource.query(`DELETE FROM notifications WHERE id = $1`, [row.id]);
    }
  });

  it('counts the login throttle refusals', async () => {
    const series = 'portal_login_throttle_refusals_total{limit="account"}';
    const before = valueOf(await scrape(), series) ?? 0;
    const student = await t.createUser('student');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push(await wrongLogin(t, student.email, '127.0.19.50'));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(valueOf(await scrape(), series)).toBe(before + 2);
  });
});

/** A failed login from `localAddress` (an address of this test's own, so no other count moves). */
async function wrongLogin(app: TestApp, email: string, localAddress: string): Promise<number> {
  const port = (app.app.getHttpServer().address() as AddressInfo).port;
  return (await loginFrom(port, { email, password: 'Not-the-password-1' }, localAddress)).status;
}
