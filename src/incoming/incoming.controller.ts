import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { DomainException, InvalidInputError } from '../common/errors/domain.exception.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { MAX_IMPORT_BYTES } from './csv-body.parser.js';
import { CreateIncomingDto } from './dto/create-incoming.dto.js';
import { IncomingFiltersDto, ListIncomingQuery } from './dto/incoming-filters.dto.js';
import { IncomingEventResponse, IncomingResponse } from './dto/incoming.response.js';
import { ImportResultResponse } from './dto/import-result.response.js';
import { TransitionIncomingDto } from './dto/transition-incoming.dto.js';
import { UpdateIncomingDto } from './dto/update-incoming.dto.js';
import { IncomingCsvService } from './incoming-csv.service.js';
import { IncomingService } from './incoming.service.js';

@ApiTags('incoming')
@Roles('coordinator', 'admin')
@Controller('incoming')
export class IncomingController {
  constructor(
    private readonly incoming: IncomingService,
    private readonly csv: IncomingCsvService,
  ) {}

  /** Incoming mobilities, newest first; filter by status, partner, faculty, year, term, name or presence on a day. */
  @Get()
  @ApiOkResponse({ type: PageOf(IncomingResponse) })
  list(@Query() query: ListIncomingQuery): Promise<Page<IncomingResponse>> {
    return this.incoming.list(query);
  }

  /** Records a partner's nomination (status nominated). */
  @Post()
  @ApiCreatedResponse({ type: IncomingResponse })
  create(@Body() dto: CreateIncomingDto, @CurrentUser() user: AuthUser): Promise<IncomingResponse> {
    return this.incoming.create(user, dto);
  }

  /** The filtered mobilities as a CSV file (UTF-8, header row), streamed. */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8, with a header row', schema: { type: 'string' } })
  async exportCsv(@Query() filters: IncomingFiltersDto, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.csv.exportCsv(filters);
    const day = new Date().toISOString().slice(0, 10);
    // Fastify pipes the stream with back-pressure and cuts the response if it fails midway.
    void reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="incoming-mobilities-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }

  /** Imports a CSV in the export's format (multipart field `file`, or a text/csv body; 5 MB at most), all or nothing. */
  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultResponse })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  importCsv(
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResultResponse> {
    return this.csv.importCsv(this.uploadedCsv(file, request), user);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncomingResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<IncomingResponse> {
    return this.incoming.get(id);
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
  events(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<IncomingEventResponse>> {
    return this.incoming.listEvents(id, page);
  }

  private uploadedCsv(file: UploadedMultipartFile | undefined, request: FastifyRequest): Buffer {
    if (file?.buffer) return file.buffer;
    if (Buffer.isBuffer(request.body)) return request.body;
    if (/^multipart\//i.test(request.headers['content-type'] ?? ''))
      throw new InvalidInputError('Send the CSV file in the form field "file"', ['file']);
    throw new DomainException(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Send the CSV as multipart/form-data (field "file") or as a text/csv body',
      415,
    );
  }
}
