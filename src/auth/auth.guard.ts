import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { UsersService } from '../users/users.service.js';
import type { Role } from '../users/role.js';
import type { TokenClaims } from './auth-user.js';
import { IS_PUBLIC } from './decorators/public.decorator.js';
import { OWN_AUTHORIZATION } from './decorators/own-authorization.decorator.js';
import { ROLES_KEY } from './decorators/roles.decorator.js';
import { IS_PAGE, SESSION_COOKIE } from './session.js';

/**
 * The global guard. A route is either @Public() or states its @Roles(); a route that states
 * neither is closed to everyone. A presented token must be valid even on public routes.
 * API routes read a bearer token; page routes (IS_PAGE) read the session cookie instead, where a
 * revoked or expired session counts as no session (a public page shows, any other asks to sign in).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    // The route reads its Authorization header itself (e.g. /metrics and METRICS_TOKEN).
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTHORIZATION, targets)) return true;
    const isPage = this.reflector.getAllAndOverride<boolean>(IS_PAGE, targets) ?? false;

    if (isPage) {
      request.user = await this.sessionUser(request);
    } else {
      const token = this.bearerToken(request);
      if (token) request.user = await this.authenticate(token);
    }
    if (isPublic) return true;
    if (!request.user) {
      throw new UnauthorizedException(
        isPage ? 'Sign in first' : 'Sign in first: this route needs a bearer token',
      );
    }
    if (!roles || !roles.includes(request.user.role)) {
      throw new ForbiddenException(`Your role (${request.user.role}) may not do this`);
    }
    return true;
  }

  private async sessionUser(request: FastifyRequest) {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return undefined;
    try {
      return await this.authenticate(token);
    } catch {
      return undefined;
    }
  }

  private bearerToken(request: FastifyRequest): string | undefined {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('The Authorization header must be "Bearer <token>"');
    }
    return token;
  }

  private async authenticate(token: string) {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    const user = typeof claims.sub === 'string' ? await this.users.findActiveById(claims.sub) : null;
    if (!user || user.tokenVersion !== claims.ver) {
      throw new UnauthorizedException('The token is no longer valid; sign in again');
    }
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      firstName: user.firstName,
      lastName: user.lastName,
      homeFacultyId: user.homeFacultyId,
      institutionId: user.institutionId,
    };
  }
}
