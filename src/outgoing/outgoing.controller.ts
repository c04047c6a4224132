import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { EwpYearQuery } from './dto/ewp-year.query.js';
import { ListOutgoingQuery, OutgoingFiltersDto } from './dto/outgoing-filters.dto.js';
import { OutgoingEventResponse, OutgoingResponse } from './dto/outgoing.response.js';
import { TransitionOutgoingDto } from './dto/transition-outgoing.dto.js';
import { VerifyOutgoingDto } from './dto/verify-outgoing.dto.js';
import { OutgoingService } from './outgoing.service.js';

/**
 * Outgoing mobilities (EWP omobilities): advisors, coordinators and admins read them; the
 * International Relations Office (coordinators, admins) moves them on and records the receiving
 * institution's answer. A partner coordinator reads and answers only the nominations their own
 * institution receives (any other mobility is a 404 to them).
 */
@ApiTags('outgoing')
@Controller('outgoing')
export class OutgoingController {
  constructor(private readonly outgoing: OutgoingService) {}

  /** Outgoing mobilities, newest first; filter by academic year, term, status, host and words. */
  @Get()
  @ApiOkResponse({ type: PageOf(OutgoingResponse) })
  @Roles('advisor', 'coordinator', 'admin', 'partner')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListOutgoingQuery): Promise<Page<OutgoingResponse>> {
    return this.outgoing.list(caller, query);
  }

  /** The filtered mobilities as a CSV file (UTF-8, header row). */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8, with a header row', schema: { type: 'string' } })
  @Roles('coordinator', 'admin')
  async exportCsv(
    @CurrentUser() caller: AuthUser,
    @Query() filters: OutgoingFiltersDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const text = await this.outgoing.exportCsv(caller, filters);
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="outgoing-mobilities-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(text);
  }

  /** Every mobility of an academic year as one EWP OMobilities get-response document. */
  @Get('ewp.xml')
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'EWP OMobilities get-response (stable-v2)', schema: { type: 'string' } })
  @Roles('advisor', 'coordinator', 'admin', 'partner')
  async ewpYear(
    @CurrentUser() caller: AuthUser,
    @Query() query: EwpYearQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendXml(reply, await this.outgoing.ewpYearDocument(caller, query));
  }

  /** The mobility as an EWP OMobilities get-response document. */
  @Get(':id/ewp.xml')
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'EWP OMobilities get-response (stable-v2)', schema: { type: 'string' } })
  @Roles('advisor', 'coordinator', 'admin', 'partner')
  async ewpOne(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendXml(reply, await this.outgoing.ewpDocument(caller, id));
  }

  @Get(':id')
  @ApiOkResponse({ type: OutgoingResponse })
  @Roles('advisor', 'coordinator', 'admin', 'partner')
  get(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OutgoingResponse> {
    return this.outgoing.get(caller, id);
  }

  /** Moves the mobility on: nomination -> live (arrival) -> recognized, or cancelled before. */
  @Post(':id/transition')
  @HttpCode(200)
  @ApiOkResponse({ type: OutgoingResponse })
  @Roles('coordinator', 'admin')
  transition(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionOutgoingDto,
  ): Promise<OutgoingResponse> {
    return this.outgoing.transition(caller, id, dto);
  }

  /** The receiving institution's answer to the nomination: verified, or rejected with a reason. */
  @Post(':id/verification')
  @HttpCode(200)
  @ApiOkResponse({ type: OutgoingResponse })
  @Roles('coordinator', 'admin', 'partner')
  verify(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VerifyOutgoingDto,
  ): Promise<OutgoingResponse> {
    return this.outgoing.verify(caller, id, dto);
  }

  /** The mobility's history: every step and answer with who, when and the date recorded. */
  @Get(':id/events')
  @ApiOkResponse({ type: PageOf(OutgoingEventResponse) })
  @Roles('advisor', 'coordinator', 'admin', 'partner')
  events(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<OutgoingEventResponse>> {
    return this.outgoing.listEvents(caller, id, page);
  }
}

function sendXml(reply: FastifyReply, document: string): void {
  void reply
    .status(200)
    .header('content-type', 'application/xml; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(document);
}
