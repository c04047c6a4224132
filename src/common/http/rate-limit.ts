import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { JwtService } from '@nestjs/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { TokenClaims } from '../../auth/auth-user.js';
import { postgresRateLimitStore, sweepRateLimitCounters, SWEEP_INTERVAL_MS } from './rate-limit-stores.js';

export interface RateLimitOptions {
  perMinute: number;
  jwt: JwtService;
  /** Where the counts live: every instance of the portal must see the same store. */
  store: { kind: 'postgres'; pool: Pool } | { kind: 'redis'; url: string };
}

/**
 * A generous global limit besides the login throttle: per signed-in user (a whole campus may share
 * one address), else per client address. Only a token with a valid signature names a user, so a
 * made-up token cannot buy a fresh allowance. Health probes and metrics scrapes are never limited.
 *
 * Counted in PostgreSQL (one upsert per request) or, with REDIS_URL, in Redis, so any number of
 * instances share one allowance per caller. If the store cannot be reached the request goes on
 * (the route itself answers 503 when the database is down): availability before limiting.
 */
export async function registerRateLimit(fastify: FastifyInstance, options: RateLimitOptions): Promise<void> {
  if (options.perMinute === 0) return;
  const store: RateLimitPluginOptions = {};
  if (options.store.kind === 'redis') {
    const redis = new Redis(options.store.url, {
      connectTimeout: 1000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    redis.on('error', (error: Error) =>
      fastify.log.warn({ err: error }, 'Redis (request limit) unavailable'),
    );
    fastify.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    store.redis = redis;
    store.nameSpace = 'portal-rate-limit-';
  } else {
    const pool = options.store.pool;
    store.store = postgresRateLimitStore(pool);
    const sweeper = setInterval(() => {
      sweepRateLimitCounters(pool).catch((error: unknown) =>
        fastify.log.warn({ err: error }, 'Could not sweep expired request counters'),
      );
    }, SWEEP_INTERVAL_MS).unref();
    fastify.addHook('onClose', async () => clearInterval(sweeper));
  }
  await fastify.register(rateLimit, {
    ...store,
    max: options.perMinute,
    timeWindow: 60_000,
    skipOnError: true,
    allowList: (request) => request.url.startsWith('/health') || request.url.startsWith('/metrics'),
    keyGenerator: (request) => callerKey(request, options.jwt),
    // Thrown by the plugin and answered by the global filter in the usual error shape.
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(`Too many requests: at most ${context.max} a minute; try again in ${context.after}`),
        {
          statusCode: 429,
        },
      ),
  });
}

function callerKey(request: FastifyRequest, jwt: JwtService): string {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    try {
      const claims = jwt.verify<TokenClaims>(header.slice(7), { algorithms: ['HS256'] });
      return `user:${claims.sub}`;
    } catch {
      // an invalid token is refused by the guard; count it against the address
    }
  }
  return `address:${request.ip}`;
}
