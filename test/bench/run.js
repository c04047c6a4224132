// `npm run bench [-- --quick] [-- flags]`: builds the portal, makes sure the bench dataset is
// loaded, starts the portal in production mode and the ceiling servers as child processes, and
// measures each scenario with autocannon from this process over loopback. Prints a table and
// writes bench-results.json. Every run is bounded in time and stops by itself.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { databaseNameOf, openBenchServer, withClient } from './database.js';
import { instancesScenario } from './instances.js';
import { measure, measurePair, round } from './load.js';
import { mailScenario, QUEUED_EMAILS } from './mail.js';
import { parseOptions } from './options.js';
import { pageScenarios, pageWeights } from './pages.js';
import { ROUND_APPLICATIONS, ROUND_PROGRAMMES, roundsScenario } from './rounds.js';
import {
  buildApp,
  BENCH_JWT_SECRET,
  memoryOf,
  portalEnvironment,
  resetPeakMemory,
  startServer,
} from './processes.js';
import { buildQueries, encodeCursor, readSchema } from './queries.js';
import { describeSizes, prepareDataset } from './seeding.js';
import { signToken } from './tokens.js';

const log = (/** @type {string} */ message) => process.stdout.write(`${message}\n`);
const RESULTS_FILE = 'bench-results.json';
const DEEP_PAGE_ROWS = 100_000;

/**
 * @typedef {object} ScenarioResult
 * @property {string} name
 * @property {string} label
 * @property {string} target
 * @property {number} requestsPerSecond
 * @property {number} p50
 * @property {number} p99
 * @property {number} non2xx
 * @property {number} requests
 * @property {Record<string, number>} [statuses]
 * @property {string} [ceiling] name of the scenario it is compared with
 * @property {number} [ratio] requestsPerSecond / the ceiling's
 * @property {boolean} [sameJson] the portal and its ceiling answered the same body
 * @property {string} [note]
 */

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const settings = {
    connections: options.connections ?? 10,
    warmup: options.warmup ?? (options.quick ? 1 : 3),
    duration: options.duration ?? (options.quick ? 3 : 16),
    rounds: options.quick ? 1 : 2,
  };
  // A ceiling runs with the scenario it is the ceiling of.
  const wanted = (/** @type {string} */ name) =>
    !options.only ||
    options.only.includes(name === 'ceiling-bare' ? 'health' : name.replace(/^ceiling-/, ''));
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  log(
    `Mobility portal benchmark (${options.quick ? 'quick' : 'full'}): ${settings.connections} connections, ${settings.warmup} s warm-up, ${settings.duration} s per scenario`,
  );
  if (options.build) await buildApp(log);

  const server = await openBenchServer({ databaseUrl: options.databaseUrl, log });
  /** @type {Array<import('./processes.js').ServerProcess>} */
  const processes = [];
  const stopAll = async () => {
    await Promise.allSettled(processes.map((child) => child.stop()));
    await server.stop();
  };
  process.once('SIGINT', () => {
    void stopAll().finally(() => process.exit(130));
  });
  try {
    const dataset = await prepareDataset(options, server, log);
    const url = dataset.url;

    const fixtures = await withClient(url, (client) => loadFixtures(client));
    log(
      `Dataset: ${describeSizes(fixtures.counts)}; review queue: ${fixtures.queueLength.toLocaleString('en')} submitted`,
    );
    const sqlCheck = await checkStatements(options, server, url, fixtures);

    // The portal first: it applies pending migrations, and the ceiling reads the schema after them.
    log('Starting the portal and the ceiling servers ...');
    const portal = await startServer({
      name: 'portal',
      script: path.join(options.dist, 'main.js'),
      env: portalEnvironment(url),
      timeoutMs: 180_000,
    });
    processes.push(portal);
    const bare = await startServer({ name: 'bare Fastify', script: 'test/bench/ceiling-server.js', env: {} });
    processes.push(bare);
    const raw = await startServer({
      name: 'Fastify + pg',
      script: 'test/bench/ceiling-server.js',
      env: { CEILING_DATABASE_URL: url, JWT_SECRET: BENCH_JWT_SECRET },
    });
    processes.push(raw);

    const advisorHeaders = { authorization: `Bearer ${signToken(fixtures.advisor)}` };
    const deepUrl = `/api/applications?status=submitted&limit=20&cursor=${fixtures.deepCursor}`;
    await checkDeepCursor(portal.baseUrl, deepUrl, advisorHeaders, fixtures.deepFirstId);

    /** @type {ScenarioResult[]} */
    const results = [];
    /**
     * A scenario of the portal and its ceiling, measured in alternating rounds.
     * @param {{ name: string, label: string, path: string, headers?: Record<string, string> }} scenario
     * @param {{ server: import('./processes.js').ServerProcess, name: string, label: string, path: string, headers?: Record<string, string>, compareJson: boolean }} ceiling
     */
    const pair = async (scenario, ceiling) => {
      if (!wanted(scenario.name)) return;
      log(`- ${scenario.label}, against ${ceiling.label}`);
      const sameJson = ceiling.compareJson ? await sameAnswer(scenario.path, scenario.headers) : undefined;
      const [ceilingResult, appResult] = await measurePair(
        { url: `${ceiling.server.baseUrl}${ceiling.path}`, headers: ceiling.headers ?? scenario.headers },
        { url: `${portal.baseUrl}${scenario.path}`, headers: scenario.headers },
        settings,
      );
      if (!results.some((result) => result.name === ceiling.name)) {
        results.push({
          name: ceiling.name,
          label: ceiling.label,
          target: ceiling.server.name,
          ...ceilingResult,
        });
      }
      results.push({
        name: scenario.name,
        label: scenario.label,
        target: portal.name,
        ...appResult,
        ceiling: ceiling.name,
        ratio: round(appResult.requestsPerSecond / ceilingResult.requestsPerSecond),
        ...(sameJson === undefined ? {} : { sameJson }),
      });
    };
    /**
     * The portal and its raw ceiling must answer the same JSON, or the comparison means nothing.
     * @param {string} urlPath
     * @param {Record<string, string>} [headers]
     */
    const sameAnswer = async (urlPath, headers = {}) => {
      const [a, b] = await Promise.all(
        [portal, raw].map(async (target) => (await fetch(`${target.baseUrl}${urlPath}`, { headers })).json()),
      );
      const same = isDeepStrictEqual(a, b);
      if (!same) log(`  ! the portal and the raw ceiling answer different JSON for ${urlPath}`);
      return same;
    };

    await pair(
      { name: 'health', label: 'GET /health', path: '/health' },
      {
        server: bare,
        name: 'ceiling-bare',
        label: 'ceiling: bare Fastify, small JSON',
        path: '/health',
        compareJson: false,
      },
    );
    const lists = [
      {
        name: 'programmes',
        label: 'GET /api/programmes?limit=20 (anonymous)',
        path: '/api/programmes?limit=20',
      },
      { name: 'news', label: 'GET /api/news?limit=20 (anonymous)', path: '/api/news?limit=20' },
      {
        name: 'queue-first',
        label: 'GET /api/applications?status=submitted&limit=20 (advisor), first page',
        path: '/api/applications?status=submitted&limit=20',
        headers: advisorHeaders,
      },
      {
        name: 'queue-deep',
        label: `same, page ${fixtures.depth.toLocaleString('en')} rows deep (cursor)`,
        path: deepUrl,
        headers: advisorHeaders,
      },
    ];
    for (const list of lists) {
      await pair(list, {
        server: raw,
        name: `ceiling-${list.name}`,
        label: `ceiling: Fastify + pg, ${list.name}`,
        path: list.path,
        compareJson: true,
      });
    }

    // Pages against their JSON twins on the same portal: the twin is the page's ceiling here.
    const pages = pageScenarios(signToken(fixtures.advisor));
    for (const { page, twin } of pages) {
      await pair(page, { server: portal, ...twin, compareJson: false });
    }
    /** @type {Awaited<ReturnType<typeof pageWeights>> | undefined} */
    let weights;
    if (pages.some(({ page }) => wanted(page.name))) {
      weights = await pageWeights(portal.baseUrl, pages);
      for (const weight of weights)
        log(`  ${weight.path}: ${weight.totalKiB} KiB over the wire with its assets`);
    }

    if (wanted('create-submit')) {
      log('- POST /api/applications + POST /api/applications/:id/submit, one student each');
      results.push(await createAndSubmit(url, portal, settings, dataset.marker.seededAt));
    }

    if (wanted('instances')) {
      log(`- GET /api/programmes?limit=20 through a round-robin balancer: two instances against one`);
      results.push(
        ...(await instancesScenario({ url, dist: options.dist, portal, settings, processes, log })),
      );
    }

    /** @type {Record<string, unknown> | undefined} */
    let exportResult;
    if (wanted('export')) {
      log(`- GET /api/incoming/export.csv (${fixtures.counts.incoming.toLocaleString('en')} rows)`);
      const exported = await exportCsv(
        portal,
        signToken(fixtures.coordinator),
        fixtures.counts.incoming,
        options.quick ? 3 : 5,
      );
      exportResult = exported;
      results.push({
        name: 'export',
        label: `GET /api/incoming/export.csv (${fixtures.counts.incoming.toLocaleString('en')} rows)`,
        target: portal.name,
        requestsPerSecond: round(1000 / exported.meanMs),
        p50: exported.p50Ms,
        p99: exported.maxMs,
        non2xx: exported.non2xx,
        requests: exported.downloads,
        note: `one download at a time; p99 is the slowest of ${exported.downloads}; peak RSS ${exported.peakMiB} MiB vs ${exported.idleMiB} MiB idle (+${exported.growthMiB} MiB)`,
      });
    }

    /** @type {Awaited<ReturnType<typeof mailScenario>>['report'] | undefined} */
    let mailResult;
    if (wanted('mail')) {
      log(
        `- ${QUEUED_EMAILS.toLocaleString('en')} queued e-mails to a local SMTP server, GET /api/programmes measured meanwhile`,
      );
      const mail = await mailScenario({
        url,
        dist: options.dist,
        settings,
        quick: options.quick,
        processes,
        log,
      });
      mailResult = mail.report;
      results.push(...mail.results);
    }

    /** @type {Awaited<ReturnType<typeof roundsScenario>> | undefined} */
    let roundsResult;
    if (wanted('rounds')) {
      log(
        `- a selection round over ${ROUND_APPLICATIONS.toLocaleString('en')} applications and ${ROUND_PROGRAMMES} programmes: preview, then commit`,
      );
      roundsResult = await roundsScenario({
        url,
        baseUrl: portal.baseUrl,
        token: signToken(fixtures.advisor),
        advisorId: fixtures.advisor.id,
        log,
      });
      for (const [name, label, seconds] of /** @type {const} */ ([
        ['round-preview', 'POST /api/selection-rounds (preview)', roundsResult.previewSeconds],
        ['round-commit', 'POST /api/selection-rounds/:id/commit', roundsResult.commitSeconds],
      ])) {
        results.push({
          name,
          label,
          target: portal.name,
          requestsPerSecond: round(1 / seconds),
          p50: seconds * 1000,
          p99: seconds * 1000,
          non2xx: 0,
          requests: 1,
          note: `${ROUND_APPLICATIONS.toLocaleString('en')} applications, ${ROUND_PROGRAMMES} programmes, one request`,
        });
      }
    }

    const plans = await withClient(url, (client) => explainLists(client, fixtures));
    if (options.explain) {
      for (const [name, plan] of Object.entries(plans)) log(`\nEXPLAIN ANALYZE ${name}:\n${plan}`);
    }

    const targets = evaluateTargets(results, exportResult, mailResult, roundsResult, weights);
    const report = {
      mode: options.quick ? 'quick' : 'full',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        postgres: fixtures.postgresVersion,
        database: server.description,
        loadAverageBefore: loadBefore.map(round),
      },
      settings,
      dataset: {
        sizes: dataset.marker.sizes,
        rows: fixtures.counts,
        reviewQueue: fixtures.queueLength,
        deepPageRows: fixtures.depth,
        loadSeconds: dataset.marker.seconds,
        seededAt: dataset.marker.seededAt,
      },
      sqlCheck,
      scenarios: results,
      export: exportResult,
      mail: mailResult,
      rounds: roundsResult,
      pageWeights: weights,
      targets,
      plans,
    };
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(`\n${formatTable(results)}\n`);
    log(formatTargets(targets));
    log(`\nWritten to ${RESULTS_FILE}`);
  } finally {
    await stopAll();
  }
}

/**
 * Ids, tokens and cursors the scenarios need, read from the bench database.
 * @param {import('pg').Client} client
 */
async function loadFixtures(client) {
  const staff = async (/** @type {string} */ role) => {
    const { rows } = await client.query(
      `SELECT id, role, token_version FROM users WHERE role = $1 AND active ORDER BY email LIMIT 1`,
      [role],
    );
    if (rows.length === 0) throw new Error(`The bench database has no ${role}`);
    return { id: String(rows[0].id), role, tokenVersion: Number(rows[0].token_version) };
  };
  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM institutions)::int AS institutions, (SELECT count(*) FROM programmes)::int AS programmes,
              (SELECT count(*) FROM users WHERE role = 'student')::int AS students, (SELECT count(*) FROM applications)::int AS applications,
              (SELECT count(*) FROM incoming_mobilities)::int AS incoming, (SELECT count(*) FROM news_articles)::int AS news`,
    )
  ).rows[0];
  const queueLength = Number(
    (
      await client.query(
        `SELECT count(*)::int AS n FROM applications WHERE submitted_at IS NOT NULL AND status = 'submitted'`,
      )
    ).rows[0].n,
  );
  // 100,000 rows deep, or as deep as a smaller queue allows (a full page must follow).
  const depth = Math.max(20, Math.min(DEEP_PAGE_ROWS, Math.floor((queueLength - 21) / 1000) * 1000));
  const around = await client.query(
    `SELECT submitted_at, id FROM applications WHERE submitted_at IS NOT NULL AND status = 'submitted'
      ORDER BY submitted_at, id OFFSET $1 LIMIT 2`,
    [depth - 1],
  );
  if (around.rows.length < 2)
    throw new Error(`The review queue is too short (${queueLength}) for a deep page`);
  // The cursor the portal would have given out after row `depth`: its keyset values, ISO instant.
  const deepCursor = encodeCursor([around.rows[0].submitted_at.toISOString(), String(around.rows[0].id)]);
  const version = (await client.query('SHOW server_version')).rows[0].server_version;
  return {
    advisor: await staff('advisor'),
    coordinator: await staff('coordinator'),
    counts,
    queueLength,
    depth,
    deepCursor,
    deepFirstId: String(around.rows[1].id),
    postgresVersion: String(version),
  };
}
/** @typedef {Awaited<ReturnType<typeof loadFixtures>>} Fixtures */

/**
 * Checks that the ceiling runs the very statements the portal runs: a portal started with
 * log_statement = 'all' on the bench database serves each list once, and its statements, read
 * from the embedded server's log, are compared with the ceiling's (spaces and the length of IN
 * lists aside). Only where this process reads the server's log, i.e. on the embedded server.
 * @param {import('./options.js').BenchOptions} options
 * @param {import('./database.js').BenchServer} server
 * @param {string} url
 * @param {Fixtures} fixtures
 * @returns {Promise<{ checked: boolean, note?: string, statements?: Record<string, boolean>, differences?: Record<string, { portal: string, ceiling: string }> }>}
 */
async function checkStatements(options, server, url, fixtures) {
  const statementLog = server.statementLog;
  if (!statementLog) {
    return {
      checked: false,
      note: 'the database server is not the embedded one: its statement log is not readable here',
    };
  }
  log('Checking that the ceiling runs the statements the portal runs ...');
  const database = databaseNameOf(url);
  const setLogging = (/** @type {string} */ clause) =>
    withClient(server.adminUrl, (client) =>
      client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} ${clause}`),
    );
  await setLogging(`SET log_statement = 'all'`);
  statementLog.start();
  /** @type {string[]} */
  let records = [];
  try {
    const portal = await startServer({
      name: 'portal (statement check)',
      script: path.join(options.dist, 'main.js'),
      env: portalEnvironment(url),
      timeoutMs: 180_000,
    });
    try {
      const headers = { authorization: `Bearer ${signToken(fixtures.advisor)}` };
      for (const urlPath of [
        '/api/programmes?limit=20',
        '/api/news?limit=20',
        '/api/applications?status=submitted&limit=20',
        `/api/applications?status=submitted&limit=20&cursor=${fixtures.deepCursor}`,
      ]) {
        // Anonymous for the public lists, as in the scenarios.
        const init = urlPath.startsWith('/api/applications') ? { headers } : {};
        await (await fetch(`${portal.baseUrl}${urlPath}`, init)).arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await portal.stop();
    }
  } finally {
    records = statementLog.stop();
    await setLogging('RESET log_statement');
  }
  const normalise = (/** @type {string} */ text) =>
    text.replace(/\s+/g, '').replace(/IN\(\$\d+(,\$\d+)*\)/g, 'IN(...)');
  const logged = new Set(
    records.flatMap((record) => {
      const statement = /(?:statement|execute [^:]*): (.*)$/.exec(record)?.[1];
      return statement ? [normalise(statement)] : [];
    }),
  );
  const sql = await withClient(url, async (client) => buildQueries(await readSchema(client)));
  const expected = {
    programmes: sql.programmes,
    news: sql.news,
    'news related institutions': sql.newsLinks(1),
    'auth user': sql.authUser,
    'queue first page': sql.queue,
    'queue after a cursor': sql.queueAfter,
    'queue choices': sql.choices(1),
  };
  /** @type {Record<string, boolean>} */
  const statements = {};
  /** @type {Record<string, { portal: string, ceiling: string }>} */
  const differences = {};
  for (const [name, text] of Object.entries(expected)) {
    const wanted = normalise(text);
    statements[name] = logged.has(wanted);
    if (statements[name]) continue;
    // Show where the closest statement the portal ran parts from the ceiling's.
    let best = { length: -1, statement: '' };
    for (const statement of logged) {
      let length = 0;
      while (length < statement.length && statement[length] === wanted[length]) length += 1;
      if (length > best.length) best = { length, statement };
    }
    const from = Math.max(0, best.length - 60);
    differences[name] = {
      portal: best.statement.slice(from, best.length + 120),
      ceiling: wanted.slice(from, best.length + 120),
    };
  }
  const different = Object.keys(differences);
  log(
    different.length === 0
      ? '  the ceiling runs the same statements as the portal'
      : `  ! the portal ran other statements than the ceiling for: ${different.join(', ')}`,
  );
  for (const [name, difference] of Object.entries(differences)) {
    log(
      `    ${name}: portal  ...${difference.portal}\n    ${' '.repeat(name.length)}  ceiling ...${difference.ceiling}`,
    );
  }
  return { checked: true, statements, ...(different.length > 0 ? { differences } : {}) };
}

/**
 * The computed cursor must land where walking the pages would: its page starts at row depth + 1.
 * @param {string} baseUrl
 * @param {string} deepUrl
 * @param {Record<string, string>} headers
 * @param {string} expectedId
 */
async function checkDeepCursor(baseUrl, deepUrl, headers, expectedId) {
  const response = await fetch(`${baseUrl}${deepUrl}`, { headers });
  const body = /** @type {{ items?: Array<{ id: string }> }} */ (await response.json());
  if (response.status !== 200 || body.items?.[0]?.id !== expectedId) {
    throw new Error(
      `The deep-page cursor does not land on the expected row (status ${response.status}): ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
}

/**
 * Many students each create a draft and submit it (a pair of requests per student), on the
 * programmes of the call open now. Every application made after the dataset was loaded is
 * deleted before and after (its choices and events go with it), so runs repeat on the same data.
 * @param {string} url
 * @param {import('./processes.js').ServerProcess} portal
 * @param {import('./load.js').LoadSettings} settings
 * @param {string | undefined} seededAt
 * @returns {Promise<ScenarioResult>}
 */
async function createAndSubmit(url, portal, settings, seededAt) {
  const since = seededAt ?? new Date().toISOString();
  const cleanUp = () =>
    withClient(url, (client) => client.query(`DELETE FROM applications WHERE created_at > $1`, [since]));
  await cleanUp();
  const { call, programmes, students } = await withClient(url, async (client) => {
    // The call with the most programmes open now (and for a while) that anyone may apply to.
    const open = await client.query(
      `SELECT academic_year, term, array_agg(id ORDER BY id) AS ids FROM programmes
        WHERE status = 'published' AND application_opens_at <= now() AND application_closes_at > now() + interval '1 hour'
          AND cardinality(eligible_faculty_ids) = 0 AND min_language_level IS NULL AND places_taken < places
        GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    if (open.rows.length === 0)
      throw new Error('No programme is open for applications now: reload the dataset (--fresh)');
    const chosen = open.rows[0];
    const free = await client.query(
      `SELECT u.id, u.token_version FROM users u
        WHERE u.role = 'student' AND u.active AND NOT EXISTS (
              SELECT 1 FROM applications a WHERE a.student_id = u.id AND a.academic_year = $1 AND a.term = $2
                 AND a.status NOT IN ('rejected', 'withdrawn'))
        ORDER BY u.student_number LIMIT 20000`,
      [chosen.academic_year, chosen.term],
    );
    return {
      call: `${String(chosen.academic_year).trim()} ${chosen.term}`,
      programmes: /** @type {string[]} */ (chosen.ids),
      students: free.rows.map((row) => ({
        id: String(row.id),
        role: 'student',
        tokenVersion: Number(row.token_version),
      })),
    };
  });
  let next = 0;
  let exhausted = false;
  /** @type {import('autocannon').Instance | undefined} */
  let instance;
  const motivation =
    'I want to follow courses abroad that complement my programme, improve my languages and meet students from other countries.';
  /** @type {import('autocannon').Options} */
  const target = {
    url: portal.baseUrl,
    requests: [
      {
        method: 'POST',
        path: '/api/applications',
        setupRequest: (request, context) => {
          if (next >= students.length) {
            exhausted = true;
            instance?.stop();
          }
          const index = Math.min(next, students.length - 1);
          next += 1;
          const student = students[index];
          const first = index % programmes.length;
          const choices = [programmes[first]];
          if (programmes.length > 1 && index % 3 !== 0)
            choices.push(programmes[(first + 1) % programmes.length]);
          const token = `Bearer ${signToken(student)}`;
          Object.assign(context, { token, applicationId: undefined });
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: token },
            body: JSON.stringify({
              choices,
              motivation,
              gradeAverage: 12 + (index % 70) / 10,
              languageSkills: [{ language: 'en', cefrLevel: 'B2' }],
            }),
          };
        },
        onResponse: (status, body, context) => {
          if (status === 201) Object.assign(context, { applicationId: JSON.parse(body).id });
        },
      },
      {
        method: 'POST',
        path: '/api/applications/submit',
        setupRequest: (request, context) => {
          const { token, applicationId } = /** @type {{ token: string, applicationId?: string }} */ (context);
          return {
            ...request,
            // A failed create leaves no id: the submit then answers 404 and counts as a failure.
            path: `/api/applications/${applicationId ?? '00000000-0000-4000-8000-000000000000'}/submit`,
            headers: { authorization: token },
          };
        },
      },
    ],
  };
  try {
    const measured = await measure(target, settings, (running) => (instance = running));
    const pairs = round(measured.requestsPerSecond / 2);
    return {
      name: 'create-submit',
      label: 'POST /api/applications + POST …/submit (student)',
      target: portal.name,
      ...measured,
      note: `${pairs} create+submit pairs/s on ${programmes.length} open programmes of ${call}; each pair a different student${exhausted ? ' (ran out of students: the run stopped early)' : ''}`,
    };
  } finally {
    // Requests cut at the end of the run may still commit on the server: let them land first.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await cleanUp();
  }
}

/**
 * Downloads the CSV export one at a time, timing each and sampling the portal's resident memory.
 * @param {import('./processes.js').ServerProcess} portal
 * @param {string} token
 * @param {number} expectedRows
 * @param {number} downloads
 */
async function exportCsv(portal, token, expectedRows, downloads) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = await memoryOf(portal.pid);
  const peakReset = await resetPeakMemory(portal.pid);
  let peak = idle.rss;
  const sampler = setInterval(() => {
    void memoryOf(portal.pid).then(
      (memory) => (peak = Math.max(peak, memory.rss)),
      () => undefined,
    );
  }, 20);
  /** @type {number[]} */
  const times = [];
  let non2xx = 0;
  let rows = 0;
  let bytes = 0;
  try {
    for (let index = 0; index < downloads; index += 1) {
      const started = performance.now();
      const response = await fetch(`${portal.baseUrl}/api/incoming/export.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) non2xx += 1;
      let lines = 0;
      let size = 0;
      if (response.body) {
        for await (const chunk of response.body) {
          size += chunk.length;
          for (const byte of chunk) if (byte === 10) lines += 1;
        }
      }
      times.push(performance.now() - started);
      rows = lines - 1;
      bytes = size;
    }
  } finally {
    clearInterval(sampler);
  }
  const after = await memoryOf(portal.pid);
  if (peakReset) peak = Math.max(peak, after.peak);
  if (rows !== expectedRows) non2xx += 1;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    downloads,
    rows,
    expectedRows,
    megabytes: round(bytes / 2 ** 20),
    meanMs: round(times.reduce((sum, time) => sum + time, 0) / times.length),
    p50Ms: round(sorted[Math.floor(sorted.length / 2)]),
    maxMs: round(sorted[sorted.length - 1]),
    idleMiB: round(idle.rss),
    peakMiB: round(peak),
    growthMiB: round(peak - idle.rss),
    peakFrom: peakReset
      ? 'VmHWM after clear_refs, and VmRSS sampled every 20 ms'
      : 'VmRSS sampled every 20 ms',
    non2xx,
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement the list scenarios run, with the values they run with.
 * @param {import('pg').Client} client
 * @param {Fixtures} fixtures
 * @returns {Promise<Record<string, string>>}
 */
async function explainLists(client, fixtures) {
  const explain = async (/** @type {string} */ sql, /** @type {unknown[]} */ values = []) =>
    (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values)).rows
      .map((row) => row['QUERY PLAN'])
      .join('\n');
  const sql = buildQueries(await readSchema(client));
  const queuePage = await client.query(sql.queue, ['submitted']);
  const newsPage = await client.query(sql.news, ['published']);
  const newsIds = newsPage.rows.slice(0, 20).map((row) => row.a_id);
  const [deepAt, deepId] = JSON.parse(Buffer.from(fixtures.deepCursor, 'base64url').toString('utf8'));
  return {
    programmes: await explain(sql.programmes),
    news: await explain(sql.news, ['published']),
    'news related institutions': await explain(sql.newsLinks(newsIds.length), newsIds),
    'auth user': await explain(sql.authUser, [fixtures.advisor.id, true]),
    'queue first page': await explain(sql.queue, ['submitted']),
    'queue deep page': await explain(sql.queueAfter, ['submitted', deepAt, deepId]),
    'queue choices': await explain(
      sql.choices(queuePage.rows.length),
      queuePage.rows.map((row) => row.a_id),
    ),
  };
}

/**
 * @param {ScenarioResult[]} results
 * @param {Record<string, unknown> | undefined} exported
 * @param {Awaited<ReturnType<typeof mailScenario>>['report']} [mail]
 * @param {Awaited<ReturnType<typeof roundsScenario>>} [rounds]
 * @param {Awaited<ReturnType<typeof pageWeights>>} [weights]
 */
function evaluateTargets(results, exported, mail, rounds, weights) {
  const find = (/** @type {string} */ name) => results.find((result) => result.name === name);
  /** @type {Array<{ target: string, actual: string, met: boolean }>} */
  const targets = [];
  const health = find('health');
  if (health?.ratio !== undefined) {
    targets.push({
      target: 'health >= 70% of bare Fastify',
      actual: percent(health.ratio),
      met: health.ratio >= 0.7,
    });
  }
  for (const name of ['programmes', 'news', 'queue-first', 'queue-deep']) {
    const list = find(name);
    if (list?.ratio !== undefined) {
      targets.push({
        target: `${name} >= 50% of Fastify + pg`,
        actual: percent(list.ratio),
        met: list.ratio >= 0.5,
      });
    }
  }
  for (const name of ['page-programmes', 'page-queue']) {
    const page = find(name);
    if (page?.ratio !== undefined) {
      targets.push({
        target: `${name} >= 80% of its JSON twin`,
        actual: percent(page.ratio),
        met: page.ratio >= 0.8,
      });
    }
  }
  for (const weight of weights ?? []) {
    targets.push({
      target: `${weight.name} with its stylesheet and scripts < 100 KB over the wire`,
      actual: `${weight.totalKiB} KiB`,
      met: weight.totalBytes < 100_000,
    });
  }
  const first = find('queue-first');
  const deep = find('queue-deep');
  if (first && deep) {
    const factor = round(deep.p99 / first.p99);
    targets.push({
      target: 'deep page p99 <= 1.5 x first page p99',
      actual: `${figure(deep.p99)} ms vs ${figure(first.p99)} ms (x${factor})`,
      met: deep.p99 <= 1.5 * first.p99,
    });
  }
  const failures = results.reduce((sum, result) => sum + result.non2xx, 0);
  targets.push({ target: 'zero non-2xx', actual: String(failures), met: failures === 0 });
  if (exported) {
    const growth = Number(exported.growthMiB);
    targets.push({
      target: 'export peak memory within 100 MB of idle',
      actual: `+${growth} MiB`,
      met: growth * 1.048576 <= 100,
    });
  }
  if (mail) {
    targets.push({
      target: `${QUEUED_EMAILS.toLocaleString('en')} queued e-mails delivered, each once`,
      actual: `${mail.sent} sent in ${mail.deliveredSeconds ?? '-'} s (${mail.perSecond}/s); the server got ${mail.sinkAccepted}, ${mail.sinkDistinctMessageIds} distinct`,
      met:
        mail.sent === QUEUED_EMAILS &&
        mail.sinkAccepted === QUEUED_EMAILS &&
        mail.sinkDistinctMessageIds === QUEUED_EMAILS,
    });
    targets.push({
      target: 'programmes p99 while sending <= 1.5 x idle',
      actual: `${figure(mail.busyP99)} ms vs ${figure(mail.idleP99)} ms (x${round(mail.busyP99 / mail.idleP99)})`,
      met: mail.busyP99 <= 1.5 * mail.idleP99,
    });
  }
  if (rounds) {
    targets.push({
      target: `round preview over ${ROUND_APPLICATIONS.toLocaleString('en')} applications < 5 s`,
      actual: `${rounds.previewSeconds} s`,
      met: rounds.previewSeconds < 5,
    });
    targets.push({
      target: 'round commit < 15 s, no programme overbooked, approved = placed',
      actual: `${rounds.commitSeconds} s; ${rounds.overbooked} overbooked; ${rounds.approved} approved of ${rounds.placed} placed`,
      met: rounds.commitSeconds < 15 && rounds.overbooked === 0 && rounds.approved === rounds.placed,
    });
  }
  return targets;
}

/** @param {number} ratio */
function percent(ratio) {
  return `${Math.round(ratio * 100)}%`;
}

/** @param {number} value */
function figure(value) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** @param {ScenarioResult[]} results */
function formatTable(results) {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'vs ceiling'];
  const rows = results.map((result) => [
    result.label,
    figure(result.requestsPerSecond),
    figure(result.p50),
    figure(result.p99),
    String(result.non2xx),
    result.ratio === undefined
      ? ''
      : `${percent(result.ratio)}${result.sameJson === false ? ' (JSON differs!)' : ''}`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const notes = results.filter((result) => result.note).map((result) => `  ${result.name}: ${result.note}`);
  return [
    line(header),
    `|${widths.map((width, column) => (column === 0 ? ':' : '') + '-'.repeat(width + 1) + (column === 0 ? '' : ':')).join('|')}|`,
    ...rows.map(line),
    '',
    ...notes,
  ].join('\n');
}

/** @param {Array<{ target: string, actual: string, met: boolean }>} targets */
function formatTargets(targets) {
  return [
    'Targets:',
    ...targets.map((target) => `  ${target.met ? 'met ' : 'MISS'}  ${target.target}: ${target.actual}`),
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
