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
import { ROLES_KEY } from './decorators/roles.decorator.js';

/**
 * The global guard. A route is either @Public() or states its @Roles(); a route that states
 * neither is closed to everyone. A presented token must be valid even on public routes.
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

    const token = this.bearerToken(request);
    if (token) request.user = await this.authenticate(token);
    if (isPublic) return true;
    if (!request.user) throw new UnauthorizedException('Sign in first: this route needs a bearer token');
    if (!roles || !roles.includes(request.user.role)) {
      throw new ForbiddenException(`Your role (${request.user.role}) may not do this`);
    }
    return true;
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
    };
  }
}
