import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/decorators/current-user.decorator.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { DomainException, InvalidInputError } from '../../common/errors/domain.exception.js';
import { ErrorCode } from '../../common/errors/error-codes.js';
import { IncomingFiltersDto } from '../dto/incoming-filters.dto.js';
import { MAX_IMPORT_BYTES } from './csv-body.parser.js';
import { ImportResultResponse } from './dto/import-result.response.js';
import { IncomingCsvService } from './incoming-csv.service.js';

/** Aborts when the client goes away before its answer is written (a closed connection). */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The incoming mobilities as a CSV file, out and in (same format both ways). */
@ApiTags('incoming')
@Roles('coordinator', 'admin')
@Controller('incoming')
export class IncomingCsvController {
  constructor(private readonly csv: IncomingCsvService) {}

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

  /**
   * Imports a CSV in the export's format (multipart field `file`, or a text/csv body; 5 MB and
   * 5,000 rows at most), all or nothing; one import at a time (429 with Retry-After otherwise).
   */
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
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResultResponse> {
    return this.csv.importCsv(this.uploadedCsv(file, request), user, clientGone(reply));
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
