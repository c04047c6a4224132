import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { createValidationPipe } from './common/errors/validation.js';
import { registerRateLimit } from './common/http/rate-limit.js';
import { poolOf } from './common/http/rate-limit-stores.js';
import { PinoNestLogger } from './common/logging/pino-nest-logger.js';
import { RequestLogController } from './common/logging/request-logger.js';
import { trustProxyOption, validateEnvironment, type Environment } from './config/environment.js';
import { Metrics } from './metrics/metrics.service.js';
import { setUpOpenApi } from './openapi.js';
import { PageErrors } from './web/page-errors.js';
import { registerWebPlugins } from './web/web-setup.js';

export const JSON_BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A caller's x-request-id is kept when it is a plain token; otherwise the request gets a new one. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface RegisteredRoute {
  method: string;
  path: string;
}

const routesByApp = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();
const drainStates = new WeakMap<NestFastifyApplication, { draining: boolean }>();

/**
 * First step of a graceful stop, before `app.close()`: every response from now on carries
 * `Connection: close`, so keep-alive connections end after the request they are serving instead
 * of holding the server open; idle ones are closed at once.
 */
export function beginShutdown(app: NestFastifyApplication): void {
  const state = drainStates.get(app);
  if (state) state.draining = true;
  (app.getHttpServer() as import('node:http').Server).closeIdleConnections();
}

/** Every route the app registered with Fastify (the authorization matrix checks them all). */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return routesByApp.get(app) ?? [];
}

/**
 * Builds the portal exactly as it runs, minus the listening socket: `main.ts` and the e2e tests
 * both use it, so tests exercise the real configuration. `overrides` replace environment variables.
 */
export async function createApp(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const { LOG_LEVEL, TRUST_PROXY } = validateEnvironment({ ...process.env, ...overrides });
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdOf,
    // Request lines come from Fastify's own pino logger: cheaper than a logging middleware, which
    // would put every request, probes included, through Nest's middleware layer.
    logger: { level: LOG_LEVEL },
    logController: new RequestLogController(),
    // Proxies in front of the portal are trusted for the client address (X-Forwarded-For) only
    // when TRUST_PROXY names them: otherwise any client could pick its own address.
    trustProxy: trustProxyOption(TRUST_PROXY),
    // While draining, requests still arriving on open connections are served, not refused with 503
    // (see beginShutdown).
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(overrides), adapter, {
    bufferLogs: true,
    // Start-up errors are thrown to the caller (main.ts stops the embedded database, then exits).
    abortOnError: false,
  });
  app.useLogger(new PinoNestLogger(LOG_LEVEL));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  const state = { draining: false };
  drainStates.set(app, state);
  fastify.addHook('onSend', async (_request, reply) => {
    if (state.draining) void reply.header('connection', 'close');
  });
  const routes: RegisteredRoute[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, path: route.url });
  });
  routesByApp.set(app, routes);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });

  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  const origins = config.get('CORS_ORIGINS', { infer: true });
  app.enableCors({
    origin: origins ? origins.split(',').map((origin) => origin.trim()) : false,
    exposedHeaders: ['x-request-id', 'etag', 'retry-after'],
  });

  const redisUrl = config.get('REDIS_URL', { infer: true });
  await registerRateLimit(fastify, {
    perMinute: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
    jwt: app.get(JwtService),
    store: redisUrl
      ? { kind: 'redis', url: redisUrl }
      : { kind: 'postgres', pool: poolOf(app.get(DataSource)) },
  });
  // Pages: cookies, CSRF checks, our stylesheet and htmx (before the routes are registered).
  await registerWebPlugins(fastify, { publicBaseUrl: config.get('PUBLIC_BASE_URL', { infer: true }) });
  // Helmet's default headers (CSP, HSTS, nosniff, frame and referrer policies), built into Nest 12.
  // Pages send a stricter CSP of their own (no inline style either: src/web/web-setup.ts).
  // Without upgrade-insecure-requests: over plain HTTP on a LAN address it would make browsers
  // fetch Swagger UI's own scripts over HTTPS and fail; TLS is the proxy's business.
  app.useSecurityHeaders({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });

  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // Pages live at /{locale}/... (page controllers declare the literal `:locale` prefix) and /.
      { path: '/', method: RequestMethod.GET },
      { path: '\\:locale', method: RequestMethod.ALL },
      { path: '\\:locale/*path', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.get(PageErrors)));
  setUpOpenApi(app);

  await app.init();
  await fastify.ready();
  return app;
}
