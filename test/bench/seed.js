// `npm run seed:bench [-- flags]`: fills the bench database with a large, realistic dataset.
// See `npm run seed:bench -- --help` for the flags.
import { openBenchServer } from './database.js';
import { parseOptions } from './options.js';
import { buildApp } from './processes.js';
import { prepareDataset } from './seeding.js';

const log = (/** @type {string} */ message) => process.stdout.write(`${message}\n`);

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) await buildApp(log);
  const server = await openBenchServer({ databaseUrl: options.databaseUrl, log });
  try {
    const prepared = await prepareDataset(options, server, log);
    log(`Bench database: ${prepared.url.replace(/:[^:@/]+@/, ':***@')}`);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `seed:bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
