import { Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { pdfHeaders } from '../learning-agreement-pdf.js';
import { LearningAgreementsService } from '../learning-agreements.service.js';

/**
 * The PDF of a learning agreement for the signed-in visitor (the pages' download link): the
 * session's twin of GET /api/outgoing/:id/learning-agreement.pdf, read by the same people.
 */
@WebController('outgoing')
export class LearningAgreementDocumentController {
  constructor(
    private readonly agreements: LearningAgreementsService,
    private readonly web: WebPages,
  ) {}

  @Roles('student', 'advisor', 'coordinator', 'admin', 'partner')
  @Get(':id/learning-agreement.pdf')
  async pdf(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const document = await this.agreements.pdfDocument(page.user as AuthUser, id);
    void reply.headers(pdfHeaders(id)).send(document);
  }
}
