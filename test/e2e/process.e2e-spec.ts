import { execSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { holdBuiltPortal } from '../support/build-once.js';
import { startServer, waitUntilHealthy } from '../support/server-process.js';
import { bootApp } from '../support/test-app.js';

/**
 * The portal as a process, the way `npm start` runs it: configuration errors, the embedded
 * PostgreSQL, data kept across restarts, and a clean stop on SIGTERM.
 */
describe('Portal process (e2e)', () => {
  const baseEnv = { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn' };
  let dataDir: string;

  let releasePortal: (() => void) | undefined;

  beforeAll(() => {
    // Waits while the instances suite runs: this suite's `npm start` rebuilds dist under it.
    releasePortal = holdBuiltPortal();
    dataDir = mkdtempSync(path.join(tmpdir(), 'portal-process-test-'));
    // As root, the embedded cluster runs as `postgres`, which must be able to enter the folder.
    chmodSync(dataDir, 0o755);
  }, 1_200_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    releasePortal?.();
  });

  it('refuses to start with an invalid PORT, naming the variable', async () => {
    const server = await startServer({ ...baseEnv, PORT: 'abc', DATA_DIR: dataDir });
    const code = await server.exited;
    expect(code).not.toBe(0);
    expect(server.output()).toContain('PORT');
  });

  it('refuses a production start without JWT_SECRET, naming it', async () => {
    const server = await startServer({
      ...baseEnv,
      NODE_ENV: 'production',
      JWT_SECRET: undefined,
      DATA_DIR: dataDir,
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('JWT_SECRET: must be set when NODE_ENV=production');
  });

  it('runs on an embedded PostgreSQL, keeps the data across restarts, and stops cleanly on SIGTERM', async () => {
    const env = { ...baseEnv, DATA_DIR: dataDir };
    const first = await startServer(env);
    await waitUntilHealthy(first);

    const ready = await fetch(`${first.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const docs = await fetch(`${first.baseUrl}/api/docs-json`);
    const document = (await docs.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toMatch(/^3\./);
    // The build applies the Swagger CLI plugin: DTOs document their fields and types.
    expect(document.components.schemas.RegisterDto.properties).toEqual(
      expect.objectContaining({
        email: expect.objectContaining({ type: 'string' }),
        password: expect.any(Object),
      }),
    );
    expect(Object.keys(document.components.schemas.CreateApplicationDto.properties ?? {})).toEqual(
      expect.arrayContaining(['choices', 'motivation', 'gradeAverage', 'languageSkills']),
    );
    expect(Object.keys(document.paths).length).toBeGreaterThan(30);
    // Under Jest the plugin runs as a ts-jest transformer: the e2e suite checks the same document.
    const testApp = await bootApp();
    try {
      expect((await testApp.http.get('/api/docs-json')).body).toEqual(document);
    } finally {
      await testApp.close();
    }

    const email = `persist-${Date.now()}@test.portal`;
    const password = 'Persisted-password-2026';
    const registered = await fetch(`${first.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, firstName: 'Dana', lastName: 'Seitova' }),
    });
    expect(registered.status).toBe(201);

    const stoppingAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppingAt).toBeLessThan(10_000);
    expect(postgresProcessesIn(dataDir)).toEqual([]);

    const second = await startServer(env);
    await waitUntilHealthy(second);
    const login = await fetch(`${second.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 180_000);

  it('stops `npm start` cleanly on SIGTERM: exit 0, no postgres left', async () => {
    const server = await startServer({ ...baseEnv, DATA_DIR: dataDir }, ['npm', 'start']);
    await waitUntilHealthy(server, 120_000);
    const stoppingAt = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - stoppingAt).toBeLessThan(10_000);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 180_000);

  it('finishes every request accepted before SIGTERM without a 5xx, then exits 0 within 10 s', async () => {
    const server = await startServer({ ...baseEnv, DATA_DIR: dataDir });
    await waitUntilHealthy(server);
    const email = `load-${Date.now()}@test.portal`;
    const password = 'Under-load-password-2026';
    const registered = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, firstName: 'Load', lastName: 'Test' }),
    });
    const token = ((await registered.json()) as { accessToken: string }).accessToken;

    interface Outcome {
      startedAt: number;
      status?: number;
      error?: string;
    }
    const outcomes: Outcome[] = [];
    let signalledAt = Number.POSITIVE_INFINITY;
    // Steady traffic from 12 clients: authenticated reads and public lists (database round trips)
    // and liveness probes. Left out: logins, whose deliberate hashing cost would make the test
    // measure scrypt, and readiness, which rightly answers 503 once the portal is stopping.
    const requests = [
      () => fetch(`${server.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }),
      () => fetch(`${server.baseUrl}/api/programmes?limit=5`),
      () => fetch(`${server.baseUrl}/health`),
    ];
    const clients = Array.from({ length: 12 }, async (_, client) => {
      for (let round = 0; round < 500 && Date.now() < signalledAt + 3000; round++) {
        const outcome: Outcome = { startedAt: Date.now() };
        outcomes.push(outcome);
        try {
          const response = await requests[client % requests.length]();
          await response.arrayBuffer();
          outcome.status = response.status;
        } catch (error) {
          outcome.error = String((error as Error).cause ?? error);
          if (outcome.startedAt > signalledAt) return; // the server has stopped accepting: done
        }
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 1500));
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const stoppedAfter = Date.now() - signalledAt;
    await Promise.all(clients);

    expect({
      code,
      output:
        code === 0
          ? ''
          : server
              .output()
              .split('\n')
              .filter((line) => !line.includes('request completed'))
              .join('\n')
              .slice(-4000),
    }).toEqual({ code: 0, output: '' });
    expect(stoppedAfter).toBeLessThan(10_000);
    // Sent well before the signal: accepted, so each must have completed, and not with a 5xx.
    const accepted = outcomes.filter((outcome) => outcome.startedAt < signalledAt - 100);
    expect(accepted.length).toBeGreaterThan(20);
    const failed = accepted.filter((outcome) => outcome.error || (outcome.status ?? 500) >= 500);
    expect(failed).toEqual([]);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 120_000);
});

function postgresProcessesIn(directory: string): string[] {
  try {
    return execSync(`pgrep -af ${JSON.stringify(directory)}`, { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('postgres'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
