import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/database/embedded-postgres.js';
import { bootApp, type TestApp } from '../support/test-app.js';

/**
 * The database goes away under a running portal, then comes back: readiness says so quickly,
 * requests get 503 instead of hanging, and the portal recovers without a restart.
 */
describe('Database faults (e2e)', () => {
  let directory: string;
  let database: RunningPostgres;
  let t: TestApp;

  const startDatabase = (port?: number) =>
    startEmbeddedPostgres({
      directory: path.join(directory, 'cluster'),
      database: 'portal_faults_test',
      port,
    });

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'portal-faults-test-'));
    chmodSync(directory, 0o755);
    database = await startDatabase();
    t = await bootApp({ DATABASE_URL: database.url, DATABASE_CONNECT_TIMEOUT_MS: '1500' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await database?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers 503 while the database is down and recovers when it returns', async () => {
    const student = await t.createUser('student');
    expect((await t.http.get('/health/ready')).status).toBe(200);
    expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(200);

    await database.stop();

    const readyStartedAt = Date.now();
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(Date.now() - readyStartedAt).toBeLessThan(2000);

    const requestStartedAt = Date.now();
    const me = await t.http.get('/api/auth/me', { token: student.token });
    expect(me.status).toBe(503);
    expect(me.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - requestStartedAt).toBeLessThan(3000);
    expect((await t.http.get('/health')).status).toBe(200);

    database = await startDatabase(database.port);

    let recovered = false;
    for (let attempt = 0; attempt < 40 && !recovered; attempt++) {
      recovered = (await t.http.get('/health/ready')).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    expect((await t.http.get('/api/auth/me', { token: student.token })).status).toBe(200);
  }, 120_000);
});
