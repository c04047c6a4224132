import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth-user.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AuthGuard when the request carries a valid token. */
    user?: AuthUser;
  }
}

/** The signed-in caller (undefined on a public route called anonymously). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().user,
);
