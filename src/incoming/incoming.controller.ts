import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { CreateIncomingDto } from './dto/create-incoming.dto.js';
import { ListIncomingQuery } from './dto/incoming-filters.dto.js';
import { IncomingEventResponse, IncomingResponse } from './dto/incoming.response.js';
import { TransitionIncomingDto } from './dto/transition-incoming.dto.js';
import { UpdateIncomingDto } from './dto/update-incoming.dto.js';
import { IncomingService } from './incoming.service.js';

/**
 * The International Relations Office (coordinators, admins) keeps every incoming mobility; a
 * partner coordinator reads and nominates only their own institution's students.
 */
@ApiTags('incoming')
@Roles('coordinator', 'admin')
@Controller('incoming')
export class IncomingController {
  constructor(private readonly incoming: IncomingService) {}

  /** Incoming mobilities, newest first; filter by status, partner, faculty, year, term, name or presence on a day. */
  @Get()
  @ApiOkResponse({ type: PageOf(IncomingResponse) })
  @Roles('coordinator', 'admin', 'partner')
  list(@Query() query: ListIncomingQuery, @CurrentUser() user: AuthUser): Promise<Page<IncomingResponse>> {
    return this.incoming.list(query, user);
  }

  /**
   * Records a partner's nomination (status nominated): the office for any partner, a partner
   * coordinator for their own institution only.
   */
  @Post()
  @ApiCreatedResponse({ type: IncomingResponse })
  @Roles('coordinator', 'admin', 'partner')
  create(@Body() dto: CreateIncomingDto, @CurrentUser() user: AuthUser): Promise<IncomingResponse> {
    return this.incoming.create(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncomingResponse })
  @Roles('coordinator', 'admin', 'partner')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<IncomingResponse> {
    return this.incoming.get(id, user);
  }

  /** Corrects a mobility's details (not its status: see transition). */
  @Patch(':id')
  @ApiOkResponse({ type: IncomingResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIncomingDto): Promise<IncomingResponse> {
    return this.incoming.update(id, dto);
  }

  /** Moves the mobility on: nominated -> accepted -> arrived -> departed, or cancelled before arrival. */
  @Post(':id/transition')
  @HttpCode(200)
  @ApiOkResponse({ type: IncomingResponse })
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionIncomingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<IncomingResponse> {
    return this.incoming.transition(user, id, dto);
  }

  /** The mobility's history: every status change with who, when and the date recorded. */
  @Get(':id/events')
  @ApiOkResponse({ type: PageOf(IncomingEventResponse) })
  @Roles('coordinator', 'admin', 'partner')
  events(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<IncomingEventResponse>> {
    return this.incoming.listEvents(id, page, user);
  }
}
