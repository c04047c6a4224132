import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** The pg pool under TypeORM's data source: one round trip per count, without a query runner. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * One atomic upsert per request: a new key or an expired window starts at 1 with a fresh expiry,
 * a live one counts up. The database's clock decides, one clock for every instance.
 */
const COUNT = `
  INSERT INTO rate_limit_counters AS counter (key, hits, expires_at)
  VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN counter.expires_at <= now() THEN 1 ELSE counter.hits + 1 END,
    expires_at = CASE WHEN counter.expires_at <= now() THEN excluded.expires_at ELSE counter.expires_at END
  RETURNING hits, ceil(extract(epoch FROM counter.expires_at - now()) * 1000)::integer AS ttl`;

/** How often each instance deletes windows that have ended (the table stays small). */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL (table `rate_limit_counters`, UNLOGGED),
 * so every instance on the database shares each caller's allowance. Routes with a limit of their
 * own get their own keys (`child`), as in the plugin's Redis store.
 */
export function postgresRateLimitStore(pool: Pool): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      pool
        .query<{ hits: number; ttl: number }>(COUNT, [`${this.prefix}${key}`.slice(0, 200), timeWindow])
        .then(
          ({ rows: [row] }) => callback(null, { current: row.hits, ttl: Math.max(0, row.ttl) }),
          (error: Error) => callback(error),
        );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the merged options with the route as `routeInfo` (see its Redis store).
      const route = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(undefined, `${this.prefix}${route.method ?? ''}${route.url ?? ''}-`);
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** Deletes the windows that have ended; errors are left to the next sweep. */
export async function sweepRateLimitCounters(pool: Pool): Promise<void> {
  await pool.query(`DELETE FROM rate_limit_counters WHERE expires_at <= now()`);
}
