import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearsAround } from '../../common/academic-years.js';
import { InvalidInputError } from '../../common/errors/domain.exception.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { missingFirst } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { submitWorkflowStep } from '../../web/workflow-step-form.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { IncomingFiltersDto, ListIncomingQuery } from '../dto/incoming-filters.dto.js';
import { TransitionIncomingDto } from '../dto/transition-incoming.dto.js';
import { IncomingCsvService } from '../csv/incoming-csv.service.js';
import { IncomingService } from '../incoming.service.js';
import type { IncomingStatus } from '../incoming-state.js';
import { badLinesOf } from './import-problems.js';
import { uploadedFile } from './upload-form.js';
import { IncomingImportPage } from './incoming-import.page.js';
import { IncomingListPage } from './incoming-list.page.js';
import { IncomingPage } from './incoming.page.js';

/** The filters a list or an export takes from the address (empty ones left out). */
function filterValues(raw: unknown) {
  const fields = formFields(raw);
  return {
    academicYear: textOf(fields, 'academicYear'),
    term: textOf(fields, 'term'),
    status: textOf(fields, 'status'),
    presentOn: textOf(fields, 'presentOn'),
    q: textOf(fields, 'q'),
  };
}

/** The coordinator's pages of incoming students: the list, one student and their next steps, the CSV import. */
@WebController('incoming')
export class IncomingPagesController {
  constructor(
    private readonly incoming: IncomingService,
    private readonly csv: IncomingCsvService,
    private readonly web: WebPages,
  ) {}

  /** Incoming students, newest first, filtered by year, term, status, presence on a day and words. */
  @Roles('coordinator', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const values = { ...filterValues(raw), cursor: textOf(formFields(raw), 'cursor') };
    const validated = await validateForm(ListIncomingQuery, values);
    const results = validated.ok ? await this.incoming.list(validated.value) : undefined;
    const errors = validated.ok
      ? []
      : page.fieldErrors(missingFirst(validated.problems), this.filterLabels(page));
    page.render(
      <IncomingListPage
        form={formState(values, errors)}
        results={results}
        years={academicYearsAround(new Date())}
      />,
      { title: page.t('incoming.list.title'), status: validated.ok ? 200 : 400 },
    );
  }

  /** The filtered students as a CSV file, in the format the import reads. */
  @Roles('coordinator', 'admin')
  @Get('export.csv')
  async exportCsv(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const validated = await validateForm(IncomingFiltersDto, filterValues(raw));
    if (!validated.ok) {
      throw new InvalidInputError(
        'The filters are not valid',
        validated.problems.map((problem) => problem.field),
      );
    }
    const stream = await this.csv.exportCsv(validated.value);
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="incoming-mobilities-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }

  @Roles('coordinator', 'admin')
  @Get('import')
  importForm(@PageReply() reply: FastifyReply): void {
    const page = this.web.page(reply);
    page.render(<IncomingImportPage form={formState()} />, { title: page.t('incoming.import.title') });
  }

  /**
   * Imports the uploaded file, all or nothing. Bad lines come back listed with their problems and
   * nothing stored; a clean file goes to the list with a notice, or shows the lines already known.
   */
  @Roles('coordinator', 'admin')
  @Post('import')
  async import(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    const file = uploadedFile(reply.request, 'file');
    const title = page.t('incoming.import.title');
    if (!file || file.length === 0) {
      const errors: FieldError[] = [{ field: 'file', message: page.t('incoming.import.noFile') }];
      return page.render(<IncomingImportPage form={formState({}, errors)} />, { title, status: 400 });
    }
    try {
      const stop = new AbortController();
      // The import stops (nothing stored) if the browser goes away before its answer.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) stop.abort();
      });
      const result = await this.csv.importCsv(file, page.user!, stop.signal);
      if (result.duplicates.length === 0) return page.redirect('/incoming', 'incoming.notice.imported');
      return page.render(<IncomingImportPage form={formState()} result={result} />, { title });
    } catch (error) {
      const refusal = badLinesOf(error);
      if (refusal) {
        const errors: FieldError[] = [
          { field: 'file', message: page.t('incoming.import.rejected', { count: refusal.lines.length }) },
        ];
        return page.render(<IncomingImportPage form={formState({}, errors)} refusal={refusal} />, {
          title,
          status: 400,
        });
      }
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      const status = (error as { status?: number }).status ?? 409;
      return page.render(
        <IncomingImportPage form={formState({}, [{ field: 'file', message: sentence }])} />,
        {
          title,
          status: status >= 400 && status < 500 ? status : 409,
        },
      );
    }
  }

  /** One incoming student: details, a form per allowed next step, the history. */
  @Roles('coordinator', 'admin')
  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.showMobility(page, id);
  }

  /** Moves the mobility one step (a date for an arrival or a departure), then back to its page. */
  @Roles('coordinator', 'admin')
  @Post(':id/transition')
  async transition(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    await submitWorkflowStep(page, body, {
      dto: TransitionIncomingDto,
      labels: {
        date: page.t('incoming.field.date'),
        comment: page.t('incoming.field.comment'),
        form: page.t('incoming.move.title'),
      },
      badDate: page.t('incoming.move.badDate'),
      move: (value) => this.incoming.transition(page.user as AuthUser, id, value),
      showAgain: ({ to, form }, status) => this.showMobility(page, id, { to, errors: form }, status),
      done: () => page.redirect(`/incoming/${id}`, 'incoming.notice.moved'),
    });
  }

  private async showMobility(
    page: Page,
    id: string,
    attempt?: { to: string; errors: ReturnType<typeof formState> },
    status = 200,
  ): Promise<void> {
    const mobility = await this.incoming.get(id);
    const history = await this.incoming.listEvents(id, Object.assign(new PageQueryDto(), { limit: 100 }));
    page.render(
      <IncomingPage
        mobility={mobility}
        events={history.items}
        attempt={attempt && { to: attempt.to as IncomingStatus, form: attempt.errors }}
      />,
      { title: `${mobility.firstName} ${mobility.lastName}`, status },
    );
  }

  private filterLabels(page: Page): Record<string, string> {
    return {
      academicYear: page.t('incoming.filter.academicYear'),
      term: page.t('incoming.filter.term'),
      status: page.t('incoming.filter.status'),
      presentOn: page.t('incoming.filter.presentOn'),
      q: page.t('incoming.filter.words'),
      cursor: page.t('web.pager.next'),
    };
  }
}
