import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { poolOf } from '../common/http/rate-limit-stores.js';
import type { Environment } from '../config/environment.js';

/** The path of the scrape itself: never counted. */
export const METRICS_PATH = '/metrics';

/**
 * The portal's Prometheus metrics, in a registry of this app's own (tests run several apps in one
 * process). Requests are counted by route pattern (`/api/programmes/:id`, never the concrete URL,
 * so the series stay few), method and status; gauges read the pool and the outbox when scraped.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'portal_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly durations = new Histogram({
    name: 'portal_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly loginRefusals = new Counter({
    name: 'portal_login_throttle_refusals_total',
    help: 'Login attempts refused by the throttle, by the allowance they went beyond (account or address)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource, config: ConfigService<Environment, true>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'portal_' });
    const pool = poolOf(dataSource);
    new Gauge({
      name: 'portal_db_pool_connections',
      help: 'Database pool connections: open (total), idle, in use, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'portal_db_pool_max_connections',
      help: 'Largest number of connections the pool opens (DATABASE_POOL_SIZE)',
      registers: [this.registry],
    }).set(config.get('DATABASE_POOL_SIZE', { infer: true }));

    // One query per scrape for both outbox gauges, through the index on (status, created_at).
    let outbox: Promise<{ depth: number; oldest: number }> | undefined;
    const readOutbox = () =>
      (outbox ??= dataSource
        .query<Array<{ depth: number; oldest: number | null }>>(
          `SELECT count(*)::int AS depth,
                  coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
             FROM notifications WHERE status IN ('pending', 'sending')`,
        )
        .then(([row]) => ({ depth: row.depth, oldest: row.oldest ?? 0 }))
        .finally(() => setImmediate(() => (outbox = undefined))));
    new Gauge({
      name: 'portal_outbox_depth',
      help: 'E-mails waiting to be sent (pending or being sent), across every instance',
      registers: [this.registry],
      async collect() {
        this.set((await readOutbox()).depth);
      },
    });
    new Gauge({
      name: 'portal_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest e-mail still waiting to be sent; 0 when none waits',
      registers: [this.registry],
      async collect() {
        this.set((await readOutbox()).oldest);
      },
    });
  }

  /** Counts one answered request (the scrape itself excluded). */
  observe(method: string, route: string | undefined, status: number, seconds: number): void {
    if (route === METRICS_PATH) return;
    const labels = { method, route: route ?? 'unmatched', status: String(status) };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }
}
