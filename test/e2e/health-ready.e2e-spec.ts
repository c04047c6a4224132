import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { bootApp, type TestApp } from '../support/test-app.js';

/**
 * Readiness answers 503 while the database lacks a migration this version knows (a newer
 * instance still migrating, a rollback): on a database of this test's own, whose migrations table
 * it may change.
 */
describe('Readiness and pending migrations (e2e)', () => {
  let database: FreshDatabase;
  let t: TestApp;

  beforeAll(async () => {
    database = await createFreshDatabase('ready');
    t = await bootApp({ DATABASE_URL: database.url });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('is ready with every migration applied, 503 naming the pending ones otherwise', async () => {
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' } });

    const [last] = await t.dataSource.query<Array<{ id: number; timestamp: string; name: string }>>(
      `SELECT id, timestamp, name FROM typeorm_migrations ORDER BY timestamp DESC LIMIT 1`,
    );
    await t.dataSource.query(`DELETE FROM typeorm_migrations WHERE id = $1`, [last.id]);
    const pending = await t.http.get('/health/ready');
    expect(pending.status).toBe(503);
    expect(pending.body).toMatchObject({
      status: 'error',
      details: { database: { status: 'up' }, migrations: { status: 'down', pending: 1 } },
    });
    // Liveness is not readiness: the process still answers.
    expect((await t.http.get('/health')).status).toBe(200);

    await t.dataSource.query(`INSERT INTO typeorm_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [
      last.id,
      last.timestamp,
      last.name,
    ]);
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });
});
