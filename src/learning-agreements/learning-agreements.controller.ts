import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import {
  CommentLearningAgreementDto,
  DraftLearningAgreementDto,
  ProposeChangesDto,
  RecordRecognitionDto,
  RecordResultsDto,
  SignLearningAgreementDto,
} from './dto/learning-agreement-input.dto.js';
import { LearningAgreementResponse, VersionResponse } from './dto/learning-agreement.response.js';
import { pdfHeaders } from './learning-agreement-pdf.js';
import { LearningAgreementsService } from './learning-agreements.service.js';

/**
 * The learning agreement of an outgoing mobility. Read by its student, the staff and the partner
 * account of the host. The student (or the home coordinator) drafts and changes it; the student
 * signs for themself, a coordinator or admin for the sending (home) institution, a partner account
 * of the host for the receiving one, which alone may comment (reject). Results per component of
 * table A come from the host's partner account or the home coordinator; recognition per component
 * of table B is the home coordinator's. Whoever may not see the mobility gets a 404.
 */
@ApiTags('learning agreements')
@Controller('outgoing/:id/learning-agreement')
export class LearningAgreementsController {
  constructor(private readonly agreements: LearningAgreementsService) {}

  /** The latest version, the last approved one, every version, and the recognition. */
  @Get()
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('student', 'advisor', 'coordinator', 'admin', 'partner')
  get(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.get(caller, id);
  }

  /** The agreement as an EWP OMobility LAs get-response document. */
  @Get('ewp.xml')
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'EWP OMobility LAs get-response (stable-v1)', schema: { type: 'string' } })
  @Roles('student', 'advisor', 'coordinator', 'admin', 'partner')
  async ewp(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.agreements.ewpDocument(caller, id);
    void reply
      .status(200)
      .header('content-type', 'application/xml; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(document);
  }

  /** One version, by number (1 is the first). */
  @Get('versions/:number')
  @ApiOkResponse({ type: VersionResponse })
  @Roles('student', 'advisor', 'coordinator', 'admin', 'partner')
  version(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<VersionResponse> {
    return this.agreements.version(caller, id, number);
  }

  /**
   * The whole content of the draft, before the first approval. An unsigned draft is rewritten; a
   * signed or commented version stays as it was and the content becomes a new version.
   */
  @Put('draft')
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('student', 'coordinator', 'admin')
  draft(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DraftLearningAgreementDto,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.saveDraft(caller, id, dto);
  }

  /** Changes during the mobility: inserted and deleted components, each with its reason. */
  @Post('changes')
  @HttpCode(200)
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('student', 'coordinator', 'admin')
  changes(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProposeChangesDto,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.proposeChanges(caller, id, dto);
  }

  /** Signs the latest version for the caller's side; a hash other than its own is a 409. */
  @Post('sign')
  @HttpCode(200)
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('student', 'coordinator', 'admin', 'partner')
  sign(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignLearningAgreementDto,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.sign(caller, id, dto);
  }

  /** The receiving side's comment on a proposal: a rejection with its reason. */
  @Post('comment')
  @HttpCode(200)
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('partner')
  comment(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommentLearningAgreementDto,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.comment(caller, id, dto);
  }

  /** The host's results per component of table A of the approved version. */
  @Post('results')
  @HttpCode(200)
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('coordinator', 'admin', 'partner')
  results(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordResultsDto,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.recordResults(caller, id, dto);
  }

  /**
   * The home coordinator's recognition per component of table B; once every component has its
   * result and decision, the mobility becomes `recognized`.
   */
  @Post('recognition')
  @HttpCode(200)
  @ApiOkResponse({ type: LearningAgreementResponse })
  @Roles('coordinator', 'admin')
  recognition(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordRecognitionDto,
  ): Promise<LearningAgreementResponse> {
    return this.agreements.recordRecognition(caller, id, dto);
  }
}

/**
 * The learning agreement as a PDF, beside the agreement's routes (`/api/outgoing/:id/learning-agreement.pdf`).
 * Read by whoever may read the agreement.
 */
@ApiTags('learning agreements')
@Controller('outgoing/:id')
export class LearningAgreementPdfController {
  constructor(private readonly agreements: LearningAgreementsService) {}

  /** The latest version with its tables, totals and signatures (and, once approved, the recognition). */
  @Get('learning-agreement.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The learning agreement as a PDF document',
    schema: { type: 'string', format: 'binary' },
  })
  @Roles('student', 'advisor', 'coordinator', 'admin', 'partner')
  async pdf(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.agreements.pdfDocument(caller, id);
    void reply.status(200).headers(pdfHeaders(id)).send(document);
  }
}
