import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../support/server-process.js';
import { bootApp, type TestApp } from '../support/test-app.js';

const LIMIT = 6;

/**
 * The general request limit counts in a store every instance sees (issue 17): PostgreSQL by
 * default, Redis with REDIS_URL. Two apps, each with its own memory, share one user's allowance.
 * Requests go with plain fetch and a user's token: the key is the user's, so no other suite's
 * count (all call from 127.0.0.1) is touched.
 */
describe('Request limit across instances (e2e)', () => {
  async function statusesAlternating(apps: TestApp[], token: string, count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let index = 0; index < count; index++) {
      const app = apps[index % apps.length];
      const address = app.app.getHttpServer().address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${address.port}/api/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    return statuses;
  }

  async function expectShared(apps: TestApp[]) {
    const user = await apps[0].createUser('student');
    const other = await apps[1].createUser('student');
    const statuses = await statusesAlternating(apps, user.token, LIMIT + 2);
    // Alone, each app would have let all 8 through (4 each, under 6).
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429]);
    expect(await statusesAlternating(apps, other.token, 2)).toEqual([200, 200]);
    return user;
  }

  describe('in PostgreSQL (the default)', () => {
    const apps: TestApp[] = [];
    beforeAll(async () => {
      apps.push(await bootApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }));
      apps.push(await bootApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }));
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
    });

    it('shares one allowance per user between two instances', async () => {
      const user = await expectShared(apps);
      // Once the window has ended, the same upsert starts a new one at 1.
      await apps[0].dataSource.query(
        `UPDATE rate_limit_counters SET expires_at = now() - interval '1 second' WHERE key = $1`,
        [`user:${user.id}`],
      );
      expect(await statusesAlternating(apps, user.token, 2)).toEqual([200, 200]);
      const [row] = await apps[0].dataSource.query<Array<{ persistence: string }>>(
        `SELECT relpersistence AS persistence FROM pg_class WHERE relname = 'rate_limit_counters'`,
      );
      expect(row.persistence).toBe('u'); // UNLOGGED
    });
  });

  describe('in Redis (REDIS_URL)', () => {
    const apps: TestApp[] = [];
    let redis: ChildProcess | undefined;

    beforeAll(async () => {
      const port = await freePort();
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      await waitForPort(port);
      const environment = { RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_URL: `redis://127.0.0.1:${port}` };
      apps.push(await bootApp(environment));
      apps.push(await bootApp(environment));
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      redis?.kill('SIGTERM');
    });

    it('shares one allowance per user between two instances, and nothing is counted in PostgreSQL', async () => {
      const before = await countersOf(apps[0]);
      await expectShared(apps);
      expect(await countersOf(apps[0])).toBe(before);
    });
  });
});

/** Rows of the PostgreSQL store whose key names a user (this test's only kind of key). */
async function countersOf(app: TestApp): Promise<number> {
  const [row] = await app.dataSource.query<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM rate_limit_counters WHERE key LIKE 'user:%'`,
  );
  return row.count;
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}
