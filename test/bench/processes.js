// Child processes of the benchmark: the build, the portal itself and the ceiling servers, each
// listening on a free loopback port; and what /proc tells about their memory.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findFreePort as freePort } from '../../src/database/embedded-postgres.js';

/** The secret the bench server signs tokens with; the runner signs bench users' tokens with it too. */
export const BENCH_JWT_SECRET = 'portal-bench-secret-not-for-production-use-0123456789';
export const BENCH_ADMIN_EMAIL = 'bench-admin@umons.ac.be';
export const BENCH_ADMIN_PASSWORD = 'Bench-admin-password-2026';

/**
 * Runs `npm run build` (nest build into dist/), showing its output only when it fails.
 * @param {(message: string) => void} log
 */
export async function buildApp(log) {
  log('Building the portal (npm run build) ...');
  const started = Date.now();
  const { code, output } = await run('npm', ['run', 'build'], 10 * 60_000);
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output}`);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {number} timeoutMs
 * @returns {Promise<{ code: number | string, output: string }>}
 */
function run(command, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? 'unknown', output });
    });
  });
}

/**
 * @typedef {object} ServerProcess
 * @property {string} name
 * @property {number} pid
 * @property {number} port
 * @property {string} baseUrl
 * @property {() => string} output What it printed so far (the last 20,000 characters).
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after 10 s.
 */

/** Children still running, killed if the runner itself dies. @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `node <script>` listening on a free loopback port (PORT), and waits until `readyPath`
 * answers 200.
 * @param {{ name: string, script: string, env: Record<string, string>, readyPath?: string, timeoutMs?: number }} options
 * @returns {Promise<ServerProcess>}
 */
export async function startServer(options) {
  if (!existsSync(options.script)) throw new Error(`${options.script} does not exist (build first)`);
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.resolve(options.script)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + String(chunk)).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) =>
    child.on('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (ended) throw new Error(`${options.name} exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not answer ${options.readyPath ?? '/health'} in time:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}${options.readyPath ?? '/health'}`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error(`${options.name} has no pid`);
  return {
    name: options.name,
    pid: child.pid,
    port,
    baseUrl,
    output: () => output,
    stop: async () => {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The environment the portal runs with in the benchmark: production mode, quiet logs, no rate
 * limit, a known JWT secret and admin, and its own DATA_DIR.
 * @param {string} databaseUrl
 * @returns {Record<string, string>}
 */
export function portalEnvironment(databaseUrl) {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: BENCH_JWT_SECRET,
    ADMIN_EMAIL: BENCH_ADMIN_EMAIL,
    ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    DATA_DIR: path.resolve('.data/bench-app'),
  };
}

/**
 * Resident memory of a process, in MiB: now (VmRSS) and its peak (VmHWM).
 * @param {number} pid
 * @returns {Promise<{ rss: number, peak: number }>}
 */
export async function memoryOf(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (/** @type {string} */ field) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/**
 * Resets a process's peak resident memory (VmHWM) to its current value (Linux: clear_refs 5).
 * @param {number} pid
 * @returns {Promise<boolean>} false when the kernel refused
 */
export async function resetPeakMemory(pid) {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
