// Where the benchmark's data lives: its own database on the server of DATABASE_URL, or on an
// embedded PostgreSQL kept in .data/bench-postgres. Plain JavaScript typed with JSDoc (see
// test/bench/README.md): Node runs it as it is, `npm run typecheck` checks it.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';

export const EMBEDDED_DIRECTORY = '.data/bench-postgres';

/**
 * @typedef {object} BenchServer
 * @property {string} adminUrl A maintenance database on the server, to create or drop the bench one.
 * @property {(database: string) => string} urlOf The connection URL of a database on this server.
 * @property {string} description Where the server is, for the report (no password).
 * @property {() => Promise<void>} stop Stops the embedded server, if one was started.
 * @property {StatementLog} [statementLog] The server's log lines, when this process can read them
 *   (the embedded server, whose output comes to this process).
 */

/**
 * @typedef {object} StatementLog
 * @property {() => void} start Starts keeping the server's log lines.
 * @property {() => string[]} stop Stops, and answers the log records kept.
 */

/**
 * Opens the server that holds the bench databases: the one of `databaseUrl` when given (a whole
 * URL, database included), else the server of DATABASE_URL, else an embedded PostgreSQL.
 * @param {{ databaseUrl?: string, log: (message: string) => void }} options
 * @returns {Promise<BenchServer>}
 */
export async function openBenchServer(options) {
  const configured = options.databaseUrl ?? process.env.DATABASE_URL;
  if (configured) {
    const adminUrl = withDatabase(configured, 'postgres');
    return {
      adminUrl,
      urlOf: (database) => withDatabase(configured, database),
      description: `PostgreSQL at ${new URL(configured).host}`,
      stop: async () => undefined,
    };
  }
  options.log(`Starting the embedded PostgreSQL in ${EMBEDDED_DIRECTORY} ...`);
  let capturing = false;
  /** @type {string[]} */
  const chunks = [];
  const embedded = await startEmbeddedPostgres({
    directory: path.resolve(EMBEDDED_DIRECTORY),
    database: 'postgres',
    log: (message) => {
      if (capturing) chunks.push(message.replace(/^\[STDERR\] /, ''));
    },
  });
  return {
    adminUrl: embedded.adminUrl,
    urlOf: (database) => withDatabase(embedded.adminUrl, database),
    description: `embedded PostgreSQL (${EMBEDDED_DIRECTORY}) on 127.0.0.1:${embedded.port}`,
    stop: () => embedded.stop(),
    statementLog: {
      start: () => {
        chunks.length = 0;
        capturing = true;
      },
      stop: () => {
        capturing = false;
        return logRecords(chunks);
      },
    },
  };
}

/**
 * The server's output comes in chunks, trimmed, that may cut a line anywhere: a record starts with
 * its timestamp (the default log_line_prefix), anything else continues the record before it.
 * @param {string[]} chunks
 */
function logRecords(chunks) {
  /** @type {string[]} */
  const records = [];
  for (const line of chunks.join('\n').split('\n')) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line) || records.length === 0) records.push(line);
    else records[records.length - 1] += line;
  }
  return records;
}

/**
 * The same URL, naming another database.
 * @param {string} url
 * @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
export function databaseNameOf(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * Runs `work` with a connected client, and always closes it.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'portal-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * @typedef {object} SeedMarker What seed:bench wrote on the database when it finished.
 * @property {boolean} complete False while the load runs: an interrupted load leaves it so.
 * @property {Record<string, number>} sizes
 * @property {string} [seededAt] ISO instant
 * @property {number} [seconds] How long the load took.
 */

/**
 * @typedef {{ state: 'missing' } | { state: 'empty' } | { state: 'seeded', marker: SeedMarker } | { state: 'partial' } | { state: 'foreign', tables: number }} DatabaseState
 */

/**
 * What a database holds: nothing yet, a finished bench dataset (its marker), or tables of
 * something else that the bench must not touch.
 * @param {BenchServer} server
 * @param {string} database
 * @returns {Promise<DatabaseState>}
 */
export async function inspectDatabase(server, database) {
  const exists = await withClient(server.adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    return (found.rowCount ?? 0) > 0;
  });
  if (!exists) return { state: 'missing' };
  return withClient(server.urlOf(database), async (client) => {
    const comment = await client.query(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
    );
    const marker = parseMarker(comment.rows[0]?.comment);
    if (marker) return marker.complete ? { state: 'seeded', marker } : { state: 'partial' };
    const tables = await client.query(
      `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`,
    );
    const count = Number(tables.rows[0]?.count ?? 0);
    return count === 0 ? { state: 'empty' } : { state: 'foreign', tables: count };
  });
}

const MARKER_PREFIX = 'portal-bench ';

/** @param {unknown} comment @returns {SeedMarker | undefined} */
function parseMarker(comment) {
  if (typeof comment !== 'string' || !comment.startsWith(MARKER_PREFIX)) return undefined;
  try {
    return /** @type {SeedMarker} */ (JSON.parse(comment.slice(MARKER_PREFIX.length)));
  } catch {
    return undefined;
  }
}

/**
 * Records on the database (as its comment) that the dataset is complete, and its sizes.
 * @param {pg.Client} client connected to the bench database
 * @param {SeedMarker} marker
 */
export async function writeMarker(client, marker) {
  const { rows } = await client.query('SELECT current_database() AS name');
  const database = client.escapeIdentifier(String(rows[0].name));
  const text = client.escapeLiteral(MARKER_PREFIX + JSON.stringify(marker));
  await client.query(`COMMENT ON DATABASE ${database} IS ${text}`);
}

/**
 * Creates the database (dropping it first when `fresh`).
 * @param {BenchServer} server
 * @param {string} database
 * @param {{ fresh: boolean }} options
 */
export async function createDatabase(server, database, options) {
  await withClient(server.adminUrl, async (client) => {
    const name = client.escapeIdentifier(database);
    if (options.fresh) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if ((found.rowCount ?? 0) === 0) await client.query(`CREATE DATABASE ${name}`);
  });
}
