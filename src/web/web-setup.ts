import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import { NotFoundException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLocale } from './locales.js';

export const ASSETS_PREFIX = '/assets/';
export const HTMX_PATH = '/assets/htmx.min.js';
export const STYLESHEET_PATH = '/assets/portal.css';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The pages' security policy: our own scripts, styles and images only; nothing inline, no frames. */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** True when cookies must be Secure: the portal's public address is https. */
export function cookiesAreSecure(publicBaseUrl: string): boolean {
  return publicBaseUrl.startsWith('https:');
}

/** True for requests the pages answer (not the API, the probes or the static files). */
export function isPageRequest(request: Pick<FastifyRequest, 'url'>): boolean {
  return !/^\/(api|health|assets)(\/|$|\?)/.test(request.url);
}

/**
 * What the pages need from Fastify, registered before the routes: cookies, CSRF tokens (checked
 * on every POST outside the API before any handler runs: without a valid token it is a 403 and
 * nothing changes), our stylesheet and htmx served from our own origin, and a 404 for a page
 * address whose first segment is not one of the portal's languages.
 */
export async function registerWebPlugins(
  fastify: FastifyInstance,
  options: { publicBaseUrl: string },
): Promise<void> {
  const secure = cookiesAreSecure(options.publicBaseUrl);
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_FIELD,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure },
    // Only the form field or the htmx header: never a token from the query string.
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
      const header = request.headers['x-csrf-token'];
      return typeof field === 'string' ? field : typeof header === 'string' ? header : undefined;
    },
  });
  fastify.addHook('onRequest', async (request) => {
    const pattern = request.routeOptions.url;
    if (pattern?.startsWith('/:locale') && !isLocale((request.params as { locale?: string }).locale)) {
      throw new NotFoundException('No such page');
    }
  });
  fastify.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || !isPageRequest(request)) {
      done();
      return;
    }
    fastify.csrfProtection(request, reply, done);
  });

  await fastify.register(fastifyStatic, {
    root: fileURLToPath(new URL('./assets/', import.meta.url)),
    prefix: ASSETS_PREFIX,
    decorateReply: false,
    maxAge: '1d',
    index: false,
  });
  const htmx = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'));
  fastify.get(HTMX_PATH, (_request, reply) => {
    void reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(htmx);
  });
}
