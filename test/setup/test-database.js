// Plain JavaScript: Jest loads global setup and teardown natively, outside the TypeScript transform.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';

/**
 * @typedef {object} TestDatabase
 * @property {string} url
 * @property {string} adminUrl
 * @property {string} name
 * @property {string} [embeddedDirectory]
 */

/**
 * The harness never touches a database whose name does not say it is a test one.
 * @param {string} name
 */
export function assertTestDatabaseName(name) {
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to use database "${name}": a test database's name must contain "test"`);
  }
}

/** @param {string} url @param {string} database */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** @param {string} adminUrl @param {string} sql */
async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** @type {import('../../src/database/embedded-postgres.js').RunningPostgres | undefined} */
let embedded;

/**
 * A fresh database for this run: on the server of DATABASE_URL when set, otherwise on an embedded
 * PostgreSQL started in a temporary folder.
 * @returns {Promise<TestDatabase>}
 */
export async function createTestDatabase() {
  const name = `portal_test_${Date.now()}_${process.pid}`;
  assertTestDatabaseName(name);
  let adminUrl = process.env.DATABASE_URL;
  let embeddedDirectory;
  if (!adminUrl) {
    embeddedDirectory = await mkdtemp(path.join(tmpdir(), 'portal-test-pg-'));
    // mkdtemp makes a private folder; as root the cluster runs as `postgres`, which must enter it.
    await chmod(embeddedDirectory, 0o755);
    embedded = await startEmbeddedPostgres({
      directory: path.join(embeddedDirectory, 'cluster'),
      database: 'postgres',
    });
    adminUrl = embedded.adminUrl;
  }
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return { url: withDatabase(adminUrl, name), adminUrl, name, embeddedDirectory };
}

/** @param {TestDatabase} database */
export async function dropTestDatabase(database) {
  assertTestDatabaseName(database.name);
  // The run's database, its template and every test file's copy (test/support/file-database.ts).
  const client = new pg.Client({ connectionString: database.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')`,
      [database.name],
    );
    for (const { datname } of rows) {
      assertTestDatabaseName(datname);
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  await embedded?.stop();
  if (database.embeddedDirectory) await rm(database.embeddedDirectory, { recursive: true, force: true });
}
