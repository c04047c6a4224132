// Several instances behind a load balancer: the programmes list through the tests' round-robin
// balancer (test/support/round-robin-proxy.js, in a process of its own) on two portal instances
// against one, same data, same run, measured in alternating rounds.
import os from 'node:os';
import path from 'node:path';
import { measurePair, round } from './load.js';
import { portalEnvironment, startServer } from './processes.js';

const LIST = '/api/programmes?limit=20';
const BALANCER = 'test/support/round-robin-proxy.js';

/**
 * @param {{ url: string, dist: string, portal: import('./processes.js').ServerProcess,
 *   settings: import('./load.js').LoadSettings, processes: import('./processes.js').ServerProcess[],
 *   log: (message: string) => void }} context
 */
export async function instancesScenario({ url, dist, portal, settings, processes, log }) {
  const started = [];
  try {
    const second = await startServer({
      name: 'portal (second instance)',
      script: path.join(dist, 'main.js'),
      env: portalEnvironment(url),
      timeoutMs: 180_000,
    });
    started.push(second);
    const one = await startServer({
      name: 'balancer, one instance',
      script: BALANCER,
      env: { BACKENDS: portal.baseUrl },
    });
    started.push(one);
    const two = await startServer({
      name: 'balancer, two instances',
      script: BALANCER,
      env: { BACKENDS: `${portal.baseUrl},${second.baseUrl}` },
    });
    started.push(two);
    processes.push(...started);
    log("  (the same balancer in front of both: the ratio is the second instance's doing)");
    const [single, pair] = await measurePair(
      { url: `${one.baseUrl}${LIST}` },
      { url: `${two.baseUrl}${LIST}` },
      settings,
    );
    const ratio = round(pair.requestsPerSecond / single.requestsPerSecond);
    return [
      {
        name: 'instances-one',
        label: `GET ${LIST} through the balancer, one instance`,
        target: one.name,
        ...single,
      },
      {
        name: 'instances-two',
        label: 'same, two instances (round robin)',
        target: two.name,
        ...pair,
        ceiling: 'instances-one',
        ratio,
        note: `two instances against one: ${ratio} times the requests per second on ${os.cpus().length} CPUs shared with PostgreSQL, the balancer and the load generator`,
      },
    ];
  } finally {
    for (const child of started.reverse()) {
      await child.stop();
      processes.splice(processes.indexOf(child), 1);
    }
  }
}
