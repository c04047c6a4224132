import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** How long a suite may hold `dist`: a lock older than this was left by a killed run. */
const STALE_LOCK_MS = 15 * 60_000;

/**
 * Holds the built portal for a suite that runs it as processes, from its beforeAll to its
 * afterAll: `npm run build` once per test run (a marker names the run, its database), and no
 * other such suite meanwhile. They run in parallel workers, and a build, or a test's `npm start`
 * (which builds first), deletes `dist` under the other suite's servers. A lock folder serialises
 * them. Returns the release; the caller's hooks need a timeout longer than the other suite.
 */
export function holdBuiltPortal(): () => void {
  const id = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 16);
  const lock = path.join(tmpdir(), `portal-build-${id}.lock`);
  const marker = path.join(tmpdir(), `portal-build-${id}.run`);
  const run = process.env.DATABASE_URL ?? 'no-database';
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Held by the other suite; a lock left by a killed run is taken over.
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
          rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      sleep(500);
    }
  }
  const release = () => rmSync(lock, { recursive: true, force: true });
  try {
    let built = '';
    try {
      built = readFileSync(marker, 'utf8');
    } catch {
      // never built
    }
    if (built !== run) {
      execFileSync('npm', ['run', 'build'], { stdio: 'ignore', timeout: 180_000 });
      writeFileSync(marker, run);
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
