import rateLimit from '@fastify/rate-limit';
import type { JwtService } from '@nestjs/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenClaims } from '../../auth/auth-user.js';

/**
 * A generous global limit besides the login throttle: per signed-in user (a whole campus may share
 * one address), else per client address. Only a token with a valid signature names a user, so a
 * made-up token cannot buy a fresh allowance. Health probes are never limited.
 */
export async function registerRateLimit(
  fastify: FastifyInstance,
  options: { perMinute: number; jwt: JwtService },
): Promise<void> {
  if (options.perMinute === 0) return;
  await fastify.register(rateLimit, {
    max: options.perMinute,
    timeWindow: 60_000,
    allowList: (request) => request.url.startsWith('/health'),
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
