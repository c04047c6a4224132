import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import type { Page } from '../common/pagination/pagination.js';
import { CreateProgrammeDto } from './dto/create-programme.dto.js';
import { ListProgrammesQuery } from './dto/list-programmes.query.js';
import { ProgrammeResponse } from './dto/programme.response.js';
import { UpdateProgrammeDto } from './dto/update-programme.dto.js';
import { ProgrammesService } from './programmes.service.js';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  /** Programmes by application deadline; the public sees published ones, staff every status. */
  @Public()
  @Get()
  @ApiOkResponse({ type: PageOf(ProgrammeResponse) })
  list(
    @Query() query: ListProgrammesQuery,
    @CurrentUser() caller?: AuthUser,
  ): Promise<Page<ProgrammeResponse>> {
    return this.programmes.list(query, caller);
  }

  /** Opens a call for applications (a draft unless status says otherwise). */
  @Roles('coordinator', 'admin')
  @Post()
  @ApiCreatedResponse({ type: ProgrammeResponse })
  create(@Body() dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    return this.programmes.create(dto);
  }

  /** One programme; a draft or archived one is a 404 to all but staff. */
  @Public()
  @Get(':id')
  @ApiOkResponse({ type: ProgrammeResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() caller?: AuthUser): Promise<ProgrammeResponse> {
    return this.programmes.get(id, caller);
  }

  /** Changes some fields; places never drop below the places taken (409 PLACES_BELOW_TAKEN). */
  @Roles('coordinator', 'admin')
  @Patch(':id')
  @ApiOkResponse({ type: ProgrammeResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeResponse> {
    return this.programmes.update(id, dto);
  }
}
