import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Authenticated, Roles } from '../auth/decorators/roles.decorator.js';
import { UserResponse } from '../users/dto/user.response.js';
import { PersonalDataExport } from './dto/personal-data-export.response.js';
import { PersonalDataService } from './personal-data.service.js';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(private readonly personalData: PersonalDataService) {}

  /** Everything the portal holds about the caller, as JSON (profile, applications and their events). */
  @Authenticated()
  @Get('auth/me/export')
  @ApiOkResponse({ type: PersonalDataExport })
  export(@CurrentUser() user: AuthUser): Promise<PersonalDataExport> {
    return this.personalData.export(user.id);
  }

  /**
   * Erases a person: name, email and free texts replaced, sign-in impossible; the records that
   * statistics need stay, without personal data.
   */
  @Roles('admin')
  @Post('users/:id/erase')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  erase(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() admin: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    return this.personalData.erase(id, { id: admin.id, address: request.ip });
  }
}
