import { Worker } from 'node:worker_threads';

/**
 * Asks GET /health over and over from a worker thread, so the probe keeps its own clock and event
 * loop even when the app under test (in the test's own thread) is busy: a request the server holds
 * for seconds shows as a sample of seconds. `stop()` answers every latency measured, in ms.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const samples = [];
parentPort.on('message', () => { running = false; });
(async () => {
  // The first request opens the connection: not a sample.
  await fetch(workerData.url).then((response) => response.text());
  parentPort.postMessage({ ready: true });
  while (running) {
    const started = performance.now();
    // A failed or non-200 answer counts as never answered.
    const ok = await fetch(workerData.url)
      .then(async (response) => (await response.text(), response.status === 200))
      .catch(() => false);
    samples.push(ok ? performance.now() - started : Number.POSITIVE_INFINITY);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  parentPort.postMessage({ samples });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

export interface HealthProbe {
  stop(): Promise<number[]>;
}

export async function startHealthProbe(baseUrl: string): Promise<HealthProbe> {
  const worker = new Worker(PROBE, { eval: true, workerData: { url: `${baseUrl}/health` } });
  const done = new Promise<number[]>((resolve, reject) => {
    worker.on('message', (message: { samples?: number[]; error?: string }) => {
      if (message.samples) resolve(message.samples);
      if (message.error) reject(new Error(message.error));
    });
    worker.on('error', reject);
  });
  done.catch(() => undefined); // surfaced by stop(), not as an unhandled rejection
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
  };
}
