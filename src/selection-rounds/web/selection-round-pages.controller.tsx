import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearOf } from '../../common/academic-years.js';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain.exception.js';
import { MAX_CURSOR_LENGTH, MAX_PAGE_SIZE, PageQueryDto } from '../../common/pagination/pagination.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { formFields, listOf, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { AssessmentsService } from '../assessments.service.js';
import { AssessmentDto } from '../dto/assessment.dto.js';
import { CreateSelectionRoundDto } from '../dto/create-selection-round.dto.js';
import { SelectionRoundsService } from '../selection-rounds.service.js';
import { AssessmentPage } from './assessment.page.js';
import { SelectionRoundPage, SelectionRoundsPage } from './selection-round.page.js';

/** A form's number as a number when it reads as one; otherwise as typed, for the DTO to refuse. */
function numberOf(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
}

/**
 * The staff twins of /api/selection-rounds: the rounds and a new one (a preview), one round with
 * its preview table and summary, the commit (with a confirmation box, without JavaScript too).
 */
@WebController('selection-rounds')
export class SelectionRoundPagesController {
  constructor(
    private readonly rounds: SelectionRoundsService,
    private readonly web: WebPages,
  ) {}

  @Roles('advisor', 'coordinator', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    await this.renderList(
      page,
      formState({
        academicYear: academicYearOf(new Date()),
        'weights.grade': '1',
        'weights.language': '1',
        'weights.motivation': '1',
      }),
      200,
    );
  }

  @Roles('advisor', 'coordinator', 'admin')
  @Post()
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const input = {
      academicYear: textOf(fields, 'academicYear'),
      term: textOf(fields, 'term'),
      weights: {
        grade: numberOf(textOf(fields, 'weights.grade')),
        language: numberOf(textOf(fields, 'weights.language')),
        motivation: numberOf(textOf(fields, 'weights.motivation')),
      },
      allowUpgrades: listOf(fields, 'allowUpgrades').includes('yes'),
    };
    const validated = await validateForm(CreateSelectionRoundDto, input);
    let errors: FieldError[];
    if (!validated.ok) {
      errors = page.fieldErrors(validated.problems, {
        academicYear: page.t('rounds.field.academicYear'),
        term: page.t('rounds.field.term'),
        'weights.grade': page.t('rounds.field.weightGrade'),
        'weights.language': page.t('rounds.field.weightLanguage'),
        'weights.motivation': page.t('rounds.field.weightMotivation'),
      });
    } else {
      try {
        const round = await this.rounds.create(page.user!, validated.value);
        return page.redirect(`/selection-rounds/${round.id}`, 'rounds.notice.created');
      } catch (error) {
        const sentence = page.errorSentence(error);
        if (!sentence) throw error;
        errors = [{ field: 'form', message: sentence }];
      }
    }
    await this.renderList(page, formState(fields, errors), validated.ok ? 409 : 400);
  }

  @Roles('advisor', 'coordinator', 'admin')
  @Get(':id')
  async show(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const page = this.web.page(reply);
    await this.renderRound(page, id, formState(), 200, textOf(formFields(query), 'cursor'));
  }

  @Roles('advisor', 'admin')
  @Post(':id/commit')
  async commit(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    let errors: FieldError[];
    if (!listOf(fields, 'confirm').includes('yes')) {
      errors = [{ field: 'confirm', message: page.t('rounds.commit.confirmRequired') }];
    } else {
      try {
        await this.rounds.commit(page.user!, id);
        return page.redirect(`/selection-rounds/${id}`, 'rounds.notice.committed');
      } catch (error) {
        const sentence = page.errorSentence(error);
        if (!sentence || error instanceof NotFoundError) throw error;
        errors = [{ field: 'form', message: sentence }];
      }
    }
    await this.renderRound(page, id, formState(fields, errors), errors[0].field === 'confirm' ? 400 : 409);
  }

  private async renderList(page: Page, form: ReturnType<typeof formState>, status: number): Promise<void> {
    const rounds = await this.rounds.list(page.user!, Object.assign(new PageQueryDto(), { limit: 100 }));
    page.render(
      <SelectionRoundsPage rounds={rounds.items} form={form} years={[academicYearOf(new Date())]} />,
      { title: page.t('rounds.list.title'), status },
    );
  }

  private async renderRound(
    page: Page,
    id: string,
    form: ReturnType<typeof formState>,
    status: number,
    cursor?: string,
  ): Promise<void> {
    // A cursor not given out by this page (or too long to be one) is a 400 page, like the API's.
    if (cursor && cursor.length > MAX_CURSOR_LENGTH) {
      throw new InvalidInputError('cursor is not a cursor this list gave out', ['cursor']);
    }
    const round = await this.rounds.get(page.user!, id);
    const query = Object.assign(new PageQueryDto(), { limit: MAX_PAGE_SIZE, cursor });
    const results = await this.rounds.results(page.user!, id, query);
    const period = `${page.t(`programmes.term.${round.term}`)} ${round.academicYear}`;
    page.render(
      <SelectionRoundPage
        round={round}
        results={results}
        cursor={cursor}
        mayCommit={page.user!.role !== 'coordinator'}
        form={form}
      />,
      {
        title: page.t('rounds.show.title', { period }),
        status,
      },
    );
  }
}

/** The rating form's handler, beside the staff page of an application (/review/:id). */
@WebController('review')
export class AssessmentPagesController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly web: WebPages,
  ) {}

  @Roles('advisor', 'coordinator', 'admin')
  @Post(':id/assessment')
  async assess(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const validated = await validateForm(AssessmentDto, {
      motivationRating: numberOf(textOf(fields, 'motivationRating')),
      note: textOf(fields, 'note'),
    });
    let errors: FieldError[];
    if (!validated.ok) {
      errors = page.fieldErrors(validated.problems, {
        motivationRating: page.t('rounds.assess.rating'),
        note: page.t('rounds.assess.note'),
      });
    } else {
      try {
        await this.assessments.assess(page.user!, id, validated.value);
        return page.redirect(`/review/${id}`, 'rounds.notice.assessed');
      } catch (error) {
        const sentence = page.errorSentence(error);
        if (!sentence || error instanceof NotFoundError) throw error;
        errors = [{ field: 'form', message: sentence }];
      }
    }
    page.render(<AssessmentPage applicationId={id} form={formState(fields, errors)} />, {
      title: page.t('rounds.assess.title'),
      status: validated.ok ? 409 : 400,
    });
  }
}
