// Makes sure the bench database holds the dataset of the requested sizes: creates it, lets the
// built portal run its migrations and reference data on it once, then loads the data.
import path from 'node:path';
import { createDatabase, databaseNameOf, inspectDatabase, withClient, writeMarker } from './database.js';
import { seedDataset } from './dataset.js';
import { portalEnvironment, startServer } from './processes.js';

/**
 * @typedef {object} PreparedDataset
 * @property {string} url Connection URL of the bench database.
 * @property {import('./database.js').SeedMarker} marker
 * @property {boolean} loaded True when this call loaded it (false: it was already there).
 */

/**
 * @param {import('./options.js').BenchOptions} options
 * @param {import('./database.js').BenchServer} server
 * @param {(message: string) => void} log
 * @returns {Promise<PreparedDataset>}
 */
export async function prepareDataset(options, server, log) {
  const database = options.databaseUrl ? databaseNameOf(options.databaseUrl) : options.database;
  const url = server.urlOf(database);
  const state = await inspectDatabase(server, database);
  if (state.state === 'seeded' && !options.fresh && sameSizes(state.marker.sizes, options.sizes)) {
    log(
      `Database ${database} already holds the dataset (seeded ${state.marker.seededAt}); --fresh reloads it`,
    );
    return { url, marker: state.marker, loaded: false };
  }
  if (state.state === 'foreign' && !options.fresh) {
    throw new Error(
      `Database ${database} has ${state.tables} tables that seed:bench did not make. Name an empty or missing database, or pass --fresh to drop it.`,
    );
  }
  if (state.state === 'seeded') log(`Database ${database} holds other sizes: reloading it`);
  if (state.state === 'partial') log(`Database ${database} holds an interrupted load: reloading it`);
  await createDatabase(server, database, { fresh: state.state !== 'missing' && state.state !== 'empty' });
  await withClient(url, (client) => writeMarker(client, { complete: false, sizes: { ...options.sizes } }));

  log('Running the migrations and reference data (starting the built portal once) ...');
  const portal = await startServer({
    name: 'portal (migrations)',
    script: path.join(options.dist, 'main.js'),
    env: portalEnvironment(url),
    timeoutMs: 180_000,
  });
  await portal.stop();

  log(`Loading the dataset into ${database}: ${describeSizes(options.sizes)}`);
  const started = Date.now();
  const marker = await withClient(url, async (client) => {
    await seedDataset(client, options.sizes, { log });
    /** @type {import('./database.js').SeedMarker} */
    const done = {
      complete: true,
      sizes: { ...options.sizes },
      seededAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    await writeMarker(client, done);
    return done;
  });
  log(`Loaded in ${marker.seconds} s`);
  return { url, marker, loaded: true };
}

/**
 * @param {Record<string, number>} a
 * @param {Record<string, number>} b
 */
function sameSizes(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** @param {Record<string, number>} sizes */
export function describeSizes(sizes) {
  return Object.entries(sizes)
    .map(([name, count]) => `${count.toLocaleString('en')} ${name}`)
    .join(', ');
}
