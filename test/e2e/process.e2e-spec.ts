import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, waitUntilHealthy } from '../support/server-process.js';

/**
 * The portal as a process, the way `npm start` runs it: configuration errors, the embedded
 * PostgreSQL, data kept across restarts, and a clean stop on SIGTERM.
 */
describe('Portal process (e2e)', () => {
  const baseEnv = { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn' };
  let dataDir: string;

  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore', timeout: 180_000 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'portal-process-test-'));
    // As root, the embedded cluster runs as `postgres`, which must be able to enter the folder.
    chmodSync(dataDir, 0o755);
  }, 200_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start with an invalid PORT, naming the variable', async () => {
    const server = await startServer({ ...baseEnv, PORT: 'abc', DATA_DIR: dataDir });
    const code = await server.exited;
    expect(code).not.toBe(0);
    expect(server.output()).toContain('PORT');
  });

  it('runs on an embedded PostgreSQL, keeps the data across restarts, and stops cleanly on SIGTERM', async () => {
    const env = { ...baseEnv, DATA_DIR: dataDir };
    const first = await startServer(env);
    await waitUntilHealthy(first);

    const ready = await fetch(`${first.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const docs = await fetch(`${first.baseUrl}/api/docs-json`);
    expect((await docs.json()).openapi).toMatch(/^3\./);

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
