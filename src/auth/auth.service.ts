import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { Environment } from '../config/environment.js';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { InvalidInputError } from '../common/errors/domain.exception.js';
import { toUserResponse, type UserResponse } from '../users/dto/user.response.js';
import { PasswordService } from '../users/password.service.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { TokenClaims } from './auth-user.js';
import type { AuthResponse } from './dto/auth.response.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import type { LoginDto } from './dto/credentials.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import type { UpdateMeDto } from './dto/update-me.dto.js';
import { durationToSeconds } from './duration.js';
import { LoginThrottle } from './login-throttle.js';

const BAD_CREDENTIALS = 'Email or password is incorrect';

const sha256 = (text: string) => createHash('sha256').update(text.trim().toLowerCase()).digest('hex');

@Injectable()
export class AuthService {
  private readonly expiresIn: number;

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    config: ConfigService<Environment, true>,
  ) {
    this.expiresIn = durationToSeconds(config.get('JWT_EXPIRES_IN', { infer: true }));
  }

  async register(dto: RegisterDto, address?: string): Promise<AuthResponse> {
    const created = await this.users.create({ ...dto, role: 'student' }, address);
    return this.signIn(await this.users.getById(created.id));
  }

  /**
   * The attempt is counted (per account and address, and per address) before anything else, and
   * refused beyond the allowance without checking the password; see LoginThrottle. An unknown
   * email costs what a known one does (a check against a decoy hash, through the same bounded
   * queue), so neither the answer nor its time tells them apart.
   */
  async login(dto: LoginDto, address: string): Promise<AuthResponse> {
    const attempt = await this.throttle.begin(dto.email, address);
    let checked = false;
    try {
      const user = await this.users.findByEmailWithPassword(dto.email);
      const matches = await this.passwords.verify(dto.password, user?.passwordHash, address);
      checked = true;
      if (!user || !matches || !user.active) {
        await this.audit.record({
          actorId: null,
          action: 'auth.login.failed',
          targetType: user ? 'user' : undefined,
          targetId: user?.id,
          address,
          // An unknown email is kept only as a hash: attempts correlate, nobody's address is stored.
          details: user
            ? { reason: matches ? 'inactive' : 'wrong-password' }
            : { emailSha256: sha256(dto.email) },
        });
        throw new UnauthorizedException(BAD_CREDENTIALS);
      }
      // A success takes back its own count only: the failures before it stay counted.
      await this.throttle.refund(attempt);
      await this.audit.record({
        actorId: user.id,
        action: 'auth.login.succeeded',
        targetType: 'user',
        targetId: user.id,
        address,
      });
      return this.signIn(user);
    } catch (error) {
      // Refused before any password was tried (hashing at capacity, the database away): not an attempt.
      if (!checked) await this.throttle.refund(attempt).catch(() => undefined);
      throw error;
    }
  }

  async me(userId: string): Promise<UserResponse> {
    return this.users.get(userId);
  }

  async updateMe(userId: string, dto: UpdateMeDto): Promise<UserResponse> {
    return this.users.update(userId, dto, 'self');
  }

  async changePassword(userId: string, dto: ChangePasswordDto, address?: string): Promise<AuthResponse> {
    const current = await this.users.getById(userId);
    const withHash = await this.users.findByEmailWithPassword(current.email);
    if (!(await this.passwords.verify(dto.currentPassword, withHash?.passwordHash, address))) {
      throw new InvalidInputError('currentPassword is incorrect', ['currentPassword']);
    }
    await this.users.changePassword(userId, dto.newPassword, address);
    // Every earlier token is now void; the caller gets a fresh one.
    return this.signIn(await this.users.getById(userId));
  }

  async issueToken(user: Pick<User, 'id' | 'role' | 'tokenVersion'>): Promise<string> {
    const claims: TokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    return this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.expiresIn });
  }

  private async signIn(user: User): Promise<AuthResponse> {
    return {
      accessToken: await this.issueToken(user),
      expiresIn: this.expiresIn,
      user: toUserResponse(user),
    };
  }
}
