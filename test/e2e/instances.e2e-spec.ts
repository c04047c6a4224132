import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { REFERENCE_DATA_STEPS } from '../../src/reference-data/steps/index.js';
import { holdBuiltPortal } from '../support/build-once.js';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.js';
import { startServer, waitUntilHealthy, type ServerProcess } from '../support/server-process.js';
import { loginFrom } from '../support/login-from.js';
import { bootApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

const MOTIVATION =
  'I study Russian and Kazakh and want to follow the language and culture courses at Al-Farabi.';
const SCHEDULE_INTERVAL_MS = 500;

/**
 * Two instances of the built portal (two processes, as in production) on one new database, behind
 * a round-robin load balancer of the test's own (test/support/round-robin-proxy.js): they start
 * together on the empty database, then share the login throttle, the places and the schedules.
 */
describe('Two instances on one database (e2e)', () => {
  let database: FreshDatabase;
  const servers: ServerProcess[] = [];
  let proxy: RoundRobinProxy;
  /** An app in this process on the same database, for fixtures and tokens (its schedules are off). */
  let t: TestApp;

  let releasePortal: (() => void) | undefined;

  beforeAll(async () => {
    // Waits while the process suite runs (its `npm start` rebuilds dist).
    releasePortal = holdBuiltPortal();
    database = await createFreshDatabase('instances');
    const environment = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '5',
      LOG_LEVEL: 'info',
      // The balancer connects from loopback and names the client in X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_PER_MINUTE: '0',
      NOTIFICATION_SCHEDULE_INTERVAL_MS: String(SCHEDULE_INTERVAL_MS),
      MAIL_POLL_INTERVAL_MS: '0',
      SMTP_URL: undefined,
    };
    // Started at the same moment, on a database with nothing in it.
    servers.push(...(await Promise.all([startServer(environment), startServer(environment)])));
    await Promise.all(servers.map((server) => waitUntilHealthy(server, 120_000)));
    proxy = await startRoundRobinProxy(servers.map((server) => server.baseUrl));
    t = await bootApp({
      DATABASE_URL: database.url,
      NOTIFICATION_SCHEDULE_INTERVAL_MS: '0',
      MAIL_POLL_INTERVAL_MS: '0',
    });
  }, 1_200_000);

  afterAll(async () => {
    try {
      await t?.close();
      await proxy?.close();
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
      await database?.drop();
    } finally {
      releasePortal?.();
    }
  }, 60_000);

  it('started together on an empty database: each migration and reference data step ran once', async () => {
    const applied = servers.flatMap((server) =>
      [...server.output().matchAll(/Applied migration (\w+)/g)].map((match) => match[1]),
    );
    expect(applied.sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
    const loaded = servers.flatMap((server) =>
      [...server.output().matchAll(/Loaded reference data: ([\w-]+)/g)].map((match) => match[1]),
    );
    expect(loaded.sort()).toEqual(REFERENCE_DATA_STEPS.map((step) => step.name).sort());
    const admins = servers.map((server) => server.output().split('Created the admin account').length - 1);
    expect(admins.sort((a, b) => a - b)).toEqual([0, 1]);

    const [recorded] = await t.dataSource.query<Array<{ rows: number; names: number }>>(
      `SELECT count(*)::int AS rows, count(DISTINCT name)::int AS names FROM typeorm_migrations`,
    );
    expect(recorded).toEqual({ rows: MIGRATIONS.length, names: MIGRATIONS.length });
    const duplicates = await t.dataSource.query(
      `SELECT name FROM institutions GROUP BY name HAVING count(*) > 1
       UNION ALL SELECT email FROM users GROUP BY email HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const [{ institutions }] = await t.dataSource.query<Array<{ institutions: number }>>(
      `SELECT count(*)::int AS institutions FROM institutions`,
    );
    expect(institutions).toBeGreaterThan(0);
    for (const server of servers) {
      expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
    }
  });

  it('refuses the sixth failed login in a minute through the balancer, whichever instance answers', async () => {
    const student = await t.createUser('student');
    const before = [...proxy.served];
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await login(student.email, `Wrong-password-${attempt}`, '127.0.19.70')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password too, on either instance.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await login(student.email, TEST_PASSWORD, '127.0.19.70')).toMatchObject({
        status: 429,
        code: 'LOGIN_ACCOUNT_LIMITED',
      });
    }
    expect(proxy.served.map((count, index) => count - before[index])).toEqual([4, 4]);
    // Another client behind the same balancer (X-Forwarded-For, TRUST_PROXY) counts on its own.
    expect((await login(student.email, TEST_PASSWORD, '127.0.19.71')).status).toBe(200);
  });

  it('40 approvals spread over both instances on a programme with 5 places: exactly 5', async () => {
    const host = await insertInstitution(t, {
      name: 'Al-Farabi Kazakh National University',
      countryCode: 'KZ',
    });
    const programme = await insertProgramme(t, host.id, {
      academicYear: '2025/2026',
      places: 5,
      status: 'published',
    });
    const advisor = await t.createUser('advisor');
    const applications = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const student = await t.createUser('student');
        const created = await t.http.post(
          '/api/applications',
          { choices: [programme.id], motivation: MOTIVATION },
          { token: student.token },
        );
        expect(created.status).toBe(201);
        const submitted = await t.http.post(`/api/applications/${created.body.id}/submit`, undefined, {
          token: student.token,
        });
        expect(submitted.status).toBe(200);
        return created.body.id as string;
      }),
    );

    const before = [...proxy.served];
    const answers = await Promise.all(
      applications.map(async (id) => {
        const response = await fetch(`${proxy.baseUrl}/api/applications/${id}/decision`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${advisor.token}` },
          body: JSON.stringify({ outcome: 'approve' }),
        });
        return { status: response.status, body: (await response.json()) as { code?: string } };
      }),
    );
    expect(proxy.served.map((count, index) => count - before[index])).toEqual([20, 20]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.map((answer) => `${answer.status} ${answer.body.code}`)).toEqual(
      Array(35).fill('409 PROGRAMME_FULL'),
    );
    const [row] = await t.dataSource.query<Array<{ places_taken: number; approved: number }>>(
      `SELECT p.places_taken,
              (SELECT count(*)::int FROM applications a WHERE a.placed_programme_id = p.id AND a.status = 'approved') AS approved
         FROM programmes p WHERE p.id = $1`,
      [programme.id],
    );
    expect(row).toEqual({ places_taken: 5, approved: 5 });
  });

  it('writes each advisor digest once, though both instances run the schedules', async () => {
    const advisors = [await t.createUser('advisor'), await t.createUser('advisor')];
    const student = await t.createUser('student');
    const host = await insertInstitution(t);
    const programme = await insertProgramme(t, host.id, { academicYear: '2025/2026', status: 'published' });
    const created = await t.http.post(
      '/api/applications',
      { choices: [programme.id], motivation: MOTIVATION },
      { token: student.token },
    );
    await t.http.post(`/api/applications/${created.body.id}/submit`, undefined, { token: student.token });
    // Submitted yesterday: the next run of either instance's schedules owes each advisor a digest.
    await t.dataSource.query(
      `UPDATE application_events SET at = now() - interval '1 day' WHERE application_id = $1`,
      [created.body.id],
    );

    const digestsOf = async () =>
      t.dataSource.query<Array<{ recipient_id: string; digests: number }>>(
        `SELECT recipient_id, count(*)::int AS digests FROM notifications
          WHERE kind = 'advisor-digest' AND recipient_id = ANY($1) GROUP BY recipient_id ORDER BY recipient_id`,
        [advisors.map((advisor) => advisor.id)],
      );
    for (let poll = 0; poll < 120 && (await digestsOf()).length < advisors.length; poll++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Several more runs on each instance: nothing more is written.
    await new Promise((resolve) => setTimeout(resolve, SCHEDULE_INTERVAL_MS * 6));
    expect(await digestsOf()).toEqual(
      advisors
        .map((advisor) => ({ recipient_id: advisor.id, digests: 1 }))
        .sort((a, b) => a.recipient_id.localeCompare(b.recipient_id)),
    );
  });

  /** POST /api/auth/login through the balancer from `localAddress` (the client's address). */
  async function login(email: string, password: string, localAddress: string) {
    const answer = await loginFrom(proxy.port, { email, password }, localAddress);
    return { status: answer.status, code: answer.body.code };
  }
});
