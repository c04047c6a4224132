import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { IS_PAGE } from '../auth/session.js';
import { WebRegistry } from './web.registry.js';

const badgesByRequest = new WeakMap<object, Map<string, number>>();

/** The badge numbers counted for a page request, by menu path (none for visitors or API calls). */
export function menuBadgesOf(request: object): Map<string, number> | undefined {
  return badgesByRequest.get(request);
}

/**
 * Counts the badges of the signed-in visitor's menu entries before a page handler runs (after the
 * guard, so the visitor is known), since a page renders in one synchronous pass. A count that
 * fails shows no badge rather than failing the page.
 */
@Injectable()
export class MenuBadgesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: WebRegistry,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const isPage = this.reflector.getAllAndOverride<boolean>(IS_PAGE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = request.user;
    if (isPage && user) {
      const badges = new Map<string, number>();
      await Promise.all(
        this.registry
          .menuFor(user.role)
          .filter((entry) => entry.badge)
          .map(async (entry) => {
            const count = await entry.badge!.count(user).catch(() => 0);
            if (count > 0) badges.set(entry.path, count);
          }),
      );
      badgesByRequest.set(request, badges);
    }
    return next.handle();
  }
}
