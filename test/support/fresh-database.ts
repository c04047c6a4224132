import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface FreshDatabase {
  url: string;
  name: string;
  /** Drops the database (closing whatever is still connected to it). */
  drop(): Promise<void>;
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty database of this test's own, on the server of the run's database (its name says
 * `test`, like every database the harness touches): for what needs a database nothing has run on.
 */
export async function createFreshDatabase(label: string): Promise<FreshDatabase> {
  const runUrl = process.env.DATABASE_URL;
  if (!runUrl) throw new Error('DATABASE_URL is not set (the global setup sets it)');
  const name = `portal_test_${label}_${randomUUID().slice(0, 8)}`;
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  await adminQuery(runUrl, `CREATE DATABASE "${name}"`);
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(runUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
