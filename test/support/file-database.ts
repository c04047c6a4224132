import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../src/database/typeorm-options.js';

/**
 * Each test file gets a database of its own, copied from a migrated template of the run: files
 * run in parallel workers, and a test that counts a table, lists a feed or walks every row then
 * sees only what its own file wrote. (Two CI runs failed on another file's rows appearing
 * between a test's two reads of one shared database.)
 *
 * The template is made and migrated once per run by whichever file comes first; an advisory
 * lock makes the others wait for it, and serialises the copies (PostgreSQL copies a template
 * only while nobody is connected to it). Every database here is named after the run's
 * database, so the global teardown drops them all.
 */
let fileDatabase: Promise<string> | undefined;

export function fileDatabaseUrl(): Promise<string> {
  fileDatabase ??= createFileDatabase();
  return fileDatabase;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createFileDatabase(): Promise<string> {
  const runUrl = process.env.DATABASE_URL;
  if (!runUrl) throw new Error('DATABASE_URL is not set (the global setup sets it)');
  const runName = decodeURIComponent(new URL(runUrl).pathname.slice(1));
  const template = `${runName}_template`;
  const name = `${runName}_f${randomUUID().replaceAll('-', '').slice(0, 10)}`;

  const admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [template]);
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
    if (rowCount === 0) await createTemplate(admin, template, withDatabase(runUrl, template));
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [template]).catch(() => undefined);
    await admin.end();
  }
  return withDatabase(runUrl, name);
}

async function createTemplate(admin: pg.Client, template: string, url: string): Promise<void> {
  await admin.query(`CREATE DATABASE "${template}"`);
  const dataSource = new DataSource(typeOrmOptions({ url, poolSize: 1, connectTimeoutMs: 10_000 }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    throw error;
  }
  await dataSource.destroy();
}
