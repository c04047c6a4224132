import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UserResponse } from '../users/dto/user.response.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './decorators/current-user.decorator.js';
import { Public } from './decorators/public.decorator.js';
import { Authenticated } from './decorators/roles.decorator.js';
import { AuthResponse } from './dto/auth.response.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/credentials.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** A student creates their own account and is signed in. */
  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiConflictResponse({ description: 'The email, or a lookalike of it (EMAIL_CONFUSABLE), has an account' })
  @ApiTooManyRequestsResponse({ description: 'Password hashing at capacity (PASSWORD_HASHING_BUSY)' })
  register(@Body() dto: RegisterDto, @Req() request: FastifyRequest): Promise<AuthResponse> {
    return this.auth.register(dto, request.ip);
  }

  /** Exchanges email and password for a bearer token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse })
  @ApiTooManyRequestsResponse({
    description:
      'More than 5 attempts in a minute for this email from this address (LOGIN_ACCOUNT_LIMITED), ' +
      'more than 20 from this address (LOGIN_ADDRESS_LIMITED), or password hashing at capacity ' +
      '(PASSWORD_HASHING_BUSY); Retry-After says when to try again',
  })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<AuthResponse> {
    return this.auth.login(dto, request.ip);
  }

  @Authenticated()
  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.auth.me(user.id);
  }

  /** Changes one's own names and, for students, the student fields. */
  @Authenticated()
  @Patch('me')
  @ApiOkResponse({ type: UserResponse })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<UserResponse> {
    return this.auth.updateMe(user.id, dto);
  }

  /** Changes one's password; every other session ends, and a new token is returned. */
  @Authenticated()
  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<AuthResponse> {
    return this.auth.changePassword(user.id, dto, request.ip);
  }
}
