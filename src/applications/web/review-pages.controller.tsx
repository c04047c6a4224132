import { Body, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { NotFoundError } from '../../common/errors/domain.exception.js';
import type { ProgrammeResponse } from '../../programmes/dto/programme.response.js';
import { ProgrammesService } from '../../programmes/programmes.service.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { ApplicationsService } from '../applications.service.js';
import { DecisionDto } from '../dto/decision.dto.js';
import { ListApplicationsQuery } from '../dto/list-applications.query.js';
import { VerifyLanguageSkillDto } from '../dto/verify-language-skill.dto.js';
import { ReviewQueuePage } from './review-queue.page.js';
import { ReviewPage, type ReviewView } from './review.page.js';

const QUEUE_FIELDS = ['q', 'academicYear', 'term', 'programmeId', 'status', 'limit', 'cursor'] as const;

/** Academic years the queue offers: two years back to two ahead. */
export function reviewYears(now: Date): string[] {
  const first = now.getUTCMonth() >= 8 ? now.getUTCFullYear() - 2 : now.getUTCFullYear() - 3;
  return [0, 1, 2, 3, 4].map((offset) => `${first + offset}/${first + offset + 1}`);
}

/**
 * The staff twins of /api/applications: the review queue (GET /applications for staff), one
 * application (GET /applications/:id and its events), the decision (POST .../decision) and the
 * verification of a language skill (PATCH .../language-skills/:index). Same service calls.
 */
@WebController('review')
export class ReviewPagesController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly programmes: ProgrammesService,
    private readonly web: WebPages,
  ) {}

  @Roles('advisor', 'coordinator', 'admin')
  @Get()
  async queue(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    // Only the fields given: an absent one keeps the query's default (the page size).
    const values = Object.fromEntries(
      QUEUE_FIELDS.map((name) => [name, textOf(fields, name)]).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const validated = await validateForm(ListApplicationsQuery, values);
    const user = page.user!;
    const [results, counts, programmes] = await Promise.all([
      validated.ok ? this.applications.list(user, validated.value) : undefined,
      validated.ok
        ? this.applications.countByStatus(user, {
            q: validated.value.q,
            academicYear: validated.value.academicYear,
            term: validated.value.term,
            programmeId: validated.value.programmeId,
          })
        : undefined,
      this.programmes.titles(
        {
          academicYear: validated.ok ? validated.value.academicYear : undefined,
          term: validated.ok ? validated.value.term : undefined,
        },
        user,
      ),
    ]);
    const errors = validated.ok
      ? []
      : page.fieldErrors(validated.problems, {
          q: page.t('review.queue.words'),
          academicYear: page.t('review.field.academicYear'),
          term: page.t('review.field.term'),
          programmeId: page.t('review.field.programme'),
          status: page.t('review.field.status'),
          cursor: page.t('review.queue.more'),
        });
    page.render(
      <ReviewQueuePage
        form={formState(values, errors)}
        results={results}
        counts={counts}
        years={reviewYears(new Date())}
        programmes={programmes}
      />,
      { title: page.t('review.queue.title'), status: validated.ok ? 200 : 400 },
    );
  }

  @Roles('advisor', 'coordinator', 'admin')
  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const view = await this.view(page, id);
    page.render(<ReviewPage view={view} decision={formState()} />, { title: titleOf(page, view) });
  }

  @Roles('advisor', 'admin')
  @Post(':id/decision')
  async decide(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const outcome = textOf(fields, 'outcome');
    const input = {
      outcome,
      // The named programme goes only with an approval; otherwise it is not part of the decision.
      programmeId: outcome === 'approve' ? textOf(fields, 'programmeId') : undefined,
      comment: textOf(fields, 'comment'),
    };
    const validated = await validateForm(DecisionDto, input);
    let errors: FieldError[] = [];
    if (!validated.ok) {
      errors = page.fieldErrors(validated.problems, {
        outcome: page.t('review.decision.outcome'),
        programmeId: page.t('review.decision.programme'),
        comment: page.t('review.decision.comment'),
      });
      if (outcome === 'reject' && input.comment === undefined) {
        errors = errors.map((error) =>
          error.field === 'comment' ? { ...error, message: page.t('review.decision.reasonRequired') } : error,
        );
      }
    } else {
      try {
        await this.applications.decide(page.user!, id, validated.value);
        return page.redirect(`/review/${id}`, 'review.notice.decided');
      } catch (error) {
        const sentence = page.errorSentence(error);
        if (!sentence || error instanceof NotFoundError) throw error;
        errors = [{ field: 'form', message: sentence }];
      }
    }
    const view = await this.view(page, id);
    page.render(<ReviewPage view={view} decision={formState(fields, errors)} />, {
      title: titleOf(page, view),
      status: validated.ok ? 409 : 400,
    });
  }

  @Roles('advisor', 'admin')
  @Post(':id/language-skills/:index')
  async verify(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const validated = await validateForm(VerifyLanguageSkillDto, {
      cefrLevel: textOf(fields, `cefrLevel.${index}`),
    });
    let errors: FieldError[];
    if (!validated.ok) {
      errors = page
        .fieldErrors(validated.problems, { cefrLevel: page.t('review.languages.current') })
        .map((error) => ({ ...error, field: 'form' }));
    } else {
      try {
        await this.applications.verifyLanguageSkill(page.user!, id, index, validated.value);
        return page.redirect(`/review/${id}`, 'review.notice.verified');
      } catch (error) {
        const sentence = page.errorSentence(error);
        if (!sentence || error instanceof NotFoundError) throw error;
        errors = [{ field: 'form', message: sentence }];
      }
    }
    const view = await this.view(page, id);
    page.render(<ReviewPage view={view} decision={formState()} verify={formState(fields, errors)} />, {
      title: titleOf(page, view),
      status: validated.ok ? 409 : 400,
    });
  }

  /** The application (staff scope: 404 for a draft), its choices' programmes now, its timeline. */
  private async view(page: Page, id: string): Promise<ReviewView> {
    const user = page.user!;
    const [application, events] = await Promise.all([
      this.applications.get(user, id),
      this.applications.listEvents(user, id, { limit: 100 }),
    ]);
    const programmes = await Promise.all(
      application.choices.map((choice) =>
        this.programmes.get(choice.programmeId, user).catch((error: unknown): ProgrammeResponse | null => {
          if (error instanceof NotFoundError) return null;
          throw error;
        }),
      ),
    );
    return { application, programmes, events: events.items, mayDecide: user.role !== 'coordinator' };
  }
}

function titleOf(page: Page, view: ReviewView): string {
  const { student } = view.application;
  return page.t('review.application.title', { name: `${student.firstName} ${student.lastName}` });
}
