// Load generation with autocannon (programmatic API) over loopback, and the reduction of its
// results to the numbers the report shows.
import autocannon from 'autocannon';

/**
 * @typedef {object} Measurement
 * @property {number} requestsPerSecond Responses over the measured time.
 * @property {number} requests Responses received.
 * @property {number} p50 Latency, ms.
 * @property {number} p99 Latency, ms.
 * @property {number} non2xx Responses with another status, plus connection errors (timeouts included).
 * @property {Record<string, number>} statuses Count per status code.
 * @property {number} seconds
 */

/**
 * @typedef {object} LoadSettings
 * @property {number} connections
 * @property {number} warmup Seconds of warm-up before the measured run (not recorded).
 * @property {number} duration Seconds measured.
 * @property {number} rounds A scenario and its ceiling take turns this many times (each for
 *   duration / rounds), so a change of the machine's load in the meantime weighs on both alike.
 */

/**
 * Runs autocannon, first as a warm-up then measured.
 * @param {autocannon.Options} target url, and the method, headers or requests to send
 * @param {LoadSettings} settings
 * @param {(instance: autocannon.Instance) => void} [onStart] gets the measured run's instance
 * @returns {Promise<Measurement>}
 */
export async function measure(target, settings, onStart) {
  if (settings.warmup > 0) {
    await run({ ...target, connections: settings.connections, duration: settings.warmup });
  }
  const result = await run(
    { ...target, connections: settings.connections, duration: settings.duration },
    onStart,
  );
  return summarise(result);
}

/**
 * Measures a scenario and its ceiling in alternating rounds, after warming both up.
 * @param {autocannon.Options} ceiling
 * @param {autocannon.Options} scenario
 * @param {LoadSettings} settings
 * @returns {Promise<[Measurement, Measurement]>}
 */
export async function measurePair(ceiling, scenario, settings) {
  for (const target of [ceiling, scenario]) {
    if (settings.warmup > 0)
      await run({ ...target, connections: settings.connections, duration: settings.warmup });
  }
  /** @type {[autocannon.Result[], autocannon.Result[]]} */
  const rounds = [[], []];
  const duration = Math.max(1, Math.round(settings.duration / settings.rounds));
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const [index, target] of [ceiling, scenario].entries()) {
      rounds[index].push(await run({ ...target, connections: settings.connections, duration }));
    }
  }
  return [merge(rounds[0]), merge(rounds[1])];
}

/**
 * One measurement from several runs: requests per second over their whole time, latency
 * percentiles averaged with each run weighted by its request count.
 * @param {autocannon.Result[]} results
 * @returns {Measurement}
 */
function merge(results) {
  const parts = results.map(summarise);
  const requests = parts.reduce((sum, part) => sum + part.requests, 0);
  const seconds = parts.reduce((sum, part) => sum + part.seconds, 0);
  const weighted = (/** @type {(part: Measurement) => number} */ pick) =>
    round(parts.reduce((sum, part) => sum + pick(part) * part.requests, 0) / Math.max(1, requests));
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const part of parts) {
    for (const [code, count] of Object.entries(part.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  }
  return {
    requestsPerSecond: round(requests / Math.max(0.001, seconds)),
    requests,
    p50: weighted((part) => part.p50),
    p99: weighted((part) => part.p99),
    non2xx: parts.reduce((sum, part) => sum + part.non2xx, 0),
    statuses,
    seconds: round(seconds),
  };
}

/**
 * @param {autocannon.Options} options
 * @param {(instance: autocannon.Instance) => void} [onStart]
 * @returns {Promise<autocannon.Result>}
 */
function run(options, onStart) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    onStart?.(instance);
  });
}

/**
 * @param {autocannon.Result} result
 * @returns {Measurement}
 */
export function summarise(result) {
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stats.count ?? 0;
  return {
    requestsPerSecond: round(result.requests.total / Math.max(0.001, result.duration)),
    requests: result.requests.total,
    p50: round(result.latency.p50),
    p99: round(result.latency.p99),
    non2xx: result.non2xx + result.errors,
    statuses,
    seconds: round(result.duration),
  };
}

/** @param {number} value */
export function round(value) {
  return Math.round(value * 100) / 100;
}
