import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import type { Page } from '../common/pagination/pagination.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserResponse } from './dto/user.response.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Accounts, newest first; filter by role, activation or part of a name or email. */
  @Get()
  @ApiOkResponse({ type: PageOf(UserResponse) })
  list(@Query() query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  /** Creates an account of any role (staff accounts are made this way). */
  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'The email, or a lookalike of it (EMAIL_CONFUSABLE), has an account' })
  create(@Body() dto: CreateUserDto, @Req() request: FastifyRequest): Promise<UserResponse> {
    return this.users.create(dto, request.ip);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  /**
   * Changes role, activation, names or a student's home faculty. Deactivating ends the user's
   * sessions at once.
   */
  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() admin: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    return this.users.update(id, dto, { id: admin.id, address: request.ip });
  }
}
