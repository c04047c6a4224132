// Command-line flags shared by `npm run seed:bench` and `npm run bench`.
import { parseArgs } from 'node:util';
import { DEFAULT_SIZES, QUICK_SIZES } from './dataset.js';

/**
 * @typedef {object} BenchOptions
 * @property {import('./dataset.js').Sizes} sizes
 * @property {boolean} quick
 * @property {boolean} fresh Drop and reload the dataset even if it is there.
 * @property {boolean} build Run `npm run build` first.
 * @property {string} dist Folder of the built portal.
 * @property {string | undefined} databaseUrl A whole connection URL, database included.
 * @property {string} database Name of the bench database when no URL names it.
 * @property {number | undefined} duration Seconds measured per scenario.
 * @property {number | undefined} warmup Seconds of warm-up per scenario.
 * @property {number | undefined} connections
 * @property {string[] | undefined} only Scenario names to run (all when unset).
 * @property {boolean} explain Print the query plans.
 */

const SIZE_FLAGS = /** @type {const} */ ([
  'institutions',
  'programmes',
  'students',
  'applications',
  'incoming',
  'news',
]);

export const USAGE = `Flags:
  --quick                 smaller dataset (database portal_bench_quick) and short runs
  --institutions N --programmes N --students N --applications N --incoming N --news N
                          dataset sizes (defaults: ${SIZE_FLAGS.map((flag) => `${flag} ${DEFAULT_SIZES[flag]}`).join(', ')})
  --database-url URL      the database to fill (default: portal_bench on the server of DATABASE_URL,
                          else on an embedded PostgreSQL in .data/bench-postgres)
  --fresh                 drop and reload the dataset even when it is already there
  --no-build              use the portal already built in dist/ (or --dist DIR)
  --duration S --warmup S --connections N   load of each scenario (bench only)
  --only a,b              run only these scenarios (bench only)
  --explain               print EXPLAIN ANALYZE of each list query (bench only)`;

/**
 * @param {string[]} argv
 * @returns {BenchOptions}
 */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
      'database-url': { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(SIZE_FLAGS.map((flag) => [flag, { type: /** @type {const} */ ('string') }])),
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = Boolean(values.quick);
  const sizes = { ...(quick ? QUICK_SIZES : DEFAULT_SIZES) };
  for (const flag of SIZE_FLAGS) {
    const raw = /** @type {Record<string, unknown>} */ (values)[flag];
    if (raw !== undefined) sizes[flag] = positiveInteger(flag, raw, 0);
  }
  const databaseUrl = values['database-url'];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('--database-url must be a postgres:// URL');
  }
  return {
    sizes,
    quick,
    fresh: Boolean(values.fresh),
    build: !values['no-build'],
    dist: String(values.dist),
    databaseUrl,
    database: quick ? 'portal_bench_quick' : 'portal_bench',
    duration: values.duration === undefined ? undefined : positiveInteger('duration', values.duration, 1),
    warmup: values.warmup === undefined ? undefined : positiveInteger('warmup', values.warmup, 0),
    connections:
      values.connections === undefined ? undefined : positiveInteger('connections', values.connections, 1),
    only: values.only
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    explain: Boolean(values.explain),
  };
}

/**
 * @param {string} flag
 * @param {unknown} raw
 * @param {number} min
 */
function positiveInteger(flag, raw, min) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${flag} must be a whole number >= ${min}`);
  return value;
}
