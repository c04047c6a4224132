// Load generation with autocannon (programmatic API) over loopback, and the reduction of its
// results to the numbers the report shows.
import autocannon from 'autocannon';

/**
 * @typedef {object} Measurement
 * @property {number} requestsPerSecond Mean of the per-second request counts.
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
    requestsPerSecond: round(result.requests.average),
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
