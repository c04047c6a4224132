import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearsAround } from '../../common/academic-years.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { missingFirst } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { submitWorkflowStep } from '../../web/workflow-step-form.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { ListOutgoingQuery } from '../dto/outgoing-filters.dto.js';
import { TransitionOutgoingDto } from '../dto/transition-outgoing.dto.js';
import type { OutgoingStatus } from '../outgoing-state.js';
import { OutgoingService } from '../outgoing.service.js';
import { OutgoingListPage } from './outgoing-list.page.js';
import { OutgoingPage } from './outgoing.page.js';

/** The office's pages of outgoing mobilities (the twin of /api/outgoing): list, one mobility, its steps. */
@WebController('outgoing')
export class OutgoingPagesController {
  constructor(
    private readonly outgoing: OutgoingService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  /** Newest first, filtered by year, term, status, host and words; keyset pages. Advisors read too. */
  @Roles('advisor', 'coordinator', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      academicYear: textOf(fields, 'academicYear'),
      term: textOf(fields, 'term'),
      status: textOf(fields, 'status'),
      hostInstitutionId: textOf(fields, 'hostInstitutionId'),
      q: textOf(fields, 'q'),
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListOutgoingQuery, values);
    const [results, hosts] = await Promise.all([
      validated.ok ? this.outgoing.list(page.user as AuthUser, validated.value) : undefined,
      this.institutions.partnerChoices(),
    ]);
    const errors = validated.ok
      ? []
      : page.fieldErrors(missingFirst(validated.problems), {
          academicYear: page.t('outgoing.filter.academicYear'),
          term: page.t('outgoing.filter.term'),
          status: page.t('outgoing.filter.status'),
          hostInstitutionId: page.t('outgoing.filter.host'),
          q: page.t('outgoing.filter.words'),
          cursor: page.t('web.pager.next'),
        });
    page.render(
      <OutgoingListPage
        form={formState(values, errors)}
        results={results}
        years={academicYearsAround(new Date())}
        hosts={hosts}
      />,
      { title: page.t('outgoing.list.title'), status: validated.ok ? 200 : 400 },
    );
  }

  /** The mobility as an EWP OMobilities get-response document (what a partner's system reads). */
  @Roles('advisor', 'coordinator', 'admin')
  @Get(':id/ewp.xml')
  async ewpDocument(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const xml = await this.outgoing.ewpDocument(page.user as AuthUser, id);
    void reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `inline; filename="omobility-${id}.xml"`)
      .header('cache-control', 'no-store')
      .send(xml);
  }

  /** One mobility: its EWP fields, a form per allowed next step (not for advisors, who read), the history. */
  @Roles('advisor', 'coordinator', 'admin')
  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.showMobility(this.web.page(reply), id);
  }

  /** Moves the mobility one step (a date for the arrival or the return), then back to its page. */
  @Roles('coordinator', 'admin')
  @Post(':id/transition')
  async transition(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    await submitWorkflowStep(page, body, {
      dto: TransitionOutgoingDto,
      labels: {
        date: page.t('outgoing.field.date'),
        comment: page.t('outgoing.field.comment'),
        form: page.t('outgoing.move.title'),
      },
      badDate: page.t('outgoing.move.badDate'),
      move: (value) => this.outgoing.transition(page.user as AuthUser, id, value),
      showAgain: ({ to, form }, status) => this.showMobility(page, id, { to, form }, status),
      done: () => page.redirect(`/outgoing/${id}`, 'outgoing.notice.moved'),
    });
  }

  private async showMobility(
    page: Page,
    id: string,
    attempt?: { to: string; form: ReturnType<typeof formState> },
    status = 200,
  ): Promise<void> {
    const caller = page.user as AuthUser;
    const mobility = await this.outgoing.get(caller, id);
    const byAgreement = await this.outgoing.hasLearningAgreement(mobility.id);
    const history = await this.outgoing.listEvents(
      caller,
      id,
      Object.assign(new PageQueryDto(), { limit: 100 }),
    );
    page.render(
      <OutgoingPage
        mobility={mobility}
        events={history.items}
        byAgreement={byAgreement}
        canMove={caller.role === 'coordinator' || caller.role === 'admin'}
        attempt={attempt && { to: attempt.to as OutgoingStatus, form: attempt.form }}
      />,
      { title: `${mobility.student.firstName} ${mobility.student.lastName}`, status },
    );
  }
}
