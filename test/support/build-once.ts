import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * `npm run build` once per test run, for the suites that start the built portal as processes:
 * they run in parallel workers, and a second build would delete `dist` under the first one's
 * servers. A lock folder serialises them; a marker names the run (its database) that built last.
 */
export function buildOnce(): void {
  const id = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 16);
  const lock = path.join(tmpdir(), `portal-build-${id}.lock`);
  const marker = path.join(tmpdir(), `portal-build-${id}.run`);
  const run = process.env.DATABASE_URL ?? 'no-database';
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Held by another worker; a lock left by a killed run is taken over after 5 minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      sleep(500);
    }
  }
  try {
    let built = '';
    try {
      built = readFileSync(marker, 'utf8');
    } catch {
      // never built
    }
    if (built === run) return;
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore', timeout: 180_000 });
    writeFileSync(marker, run);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
