import { Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { DomainException, InvalidInputError, NotFoundError } from '../../common/errors/domain.exception.js';
import { MAX_CURSOR_LENGTH } from '../../common/pagination/pagination.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { formFields, textOf, validateForm, type FieldProblem } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import {
  CommentLearningAgreementDto,
  RecordRecognitionDto,
  RecordResultsDto,
  SignLearningAgreementDto,
} from '../dto/learning-agreement-input.dto.js';
import type { CommentResponse } from '../dto/learning-agreement.response.js';
import { LearningAgreementErrorCode } from '../learning-agreement-error-codes.js';
import { LA_MAX_COMPONENTS } from '../learning-agreement-state.js';
import { LearningAgreementsService } from '../learning-agreements.service.js';
import { ectsOf, postedForm } from './learning-agreement-edit.form.js';
import { LearningAgreementQueuePage } from './learning-agreement-queue.page.js';
import {
  actionsFor,
  differences,
  LearningAgreementPage,
  type LaFormName,
  type LearningAgreementPageProps,
} from './learning-agreement.page.js';

/** Rejected versions whose comment the page shows, newest first, at most. */
const SHOWN_COMMENTS = 20;

/** `?version=N`: a positive whole number of at most 9 digits; anything else is no such version. */
function versionOf(raw: Record<string, unknown>): number | undefined {
  const value = raw.version;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,8}$/.test(value)) {
    throw new NotFoundError('Learning agreement version');
  }
  return Number(value);
}

/**
 * A mobility's learning agreement as pages (the twin of /api/outgoing/:id/learning-agreement):
 * read it (any version), and sign, comment, record results and recognition through the same
 * service methods as the API. Who sees it is the service's: another student's or another
 * institution's agreement is the 404 page.
 */
@WebController('outgoing')
export class LearningAgreementPagesController {
  constructor(
    private readonly agreements: LearningAgreementsService,
    private readonly web: WebPages,
  ) {}

  @Roles('student', 'advisor', 'coordinator', 'admin', 'partner')
  @Get(':id/learning-agreement')
  async show(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<void> {
    const page = this.web.page(reply);
    await this.showAgreement(page, id, versionOf(raw ?? {}));
  }

  /** A signature of the latest version, with the hash of the version the form showed. */
  @Roles('student', 'coordinator', 'admin', 'partner')
  @Post(':id/learning-agreement/sign')
  async sign(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const caller = page.user as AuthUser;
    const fields = postedForm(reply.request.body);
    const forInstitution = caller.role !== 'student';
    const input = {
      hash: textOf(fields, 'hash') ?? '',
      ...(forInstitution ? { name: textOf(fields, 'name'), position: textOf(fields, 'position') } : {}),
    };
    const validated = await validateForm(SignLearningAgreementDto, input);
    const errors: FieldError[] = validated.ok ? [] : this.problems(page, 'sign', validated.problems);
    if (validated.ok && forInstitution && !validated.value.position) {
      errors.push({ field: 'position', message: page.t('learningAgreements.view.sign.positionMissing') });
    }
    if (!validated.ok || errors.length > 0) {
      return this.showAgreement(page, id, undefined, { name: 'sign', form: formState(fields, errors) }, 400);
    }
    try {
      await this.agreements.sign(caller, id, validated.value);
    } catch (error) {
      return this.refused(page, id, 'sign', fields, error);
    }
    page.redirect(`/outgoing/${id}/learning-agreement`, 'learningAgreements.view.notice.signed');
  }

  /** The receiving side's rejection of a proposal, with its reason. */
  @Roles('partner')
  @Post(':id/learning-agreement/comment')
  async comment(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const fields = postedForm(reply.request.body);
    const validated = await validateForm(CommentLearningAgreementDto, {
      hash: textOf(fields, 'hash') ?? '',
      reason: textOf(fields, 'reason'),
    });
    if (!validated.ok) {
      const errors = this.problems(page, 'comment', validated.problems);
      return this.showAgreement(
        page,
        id,
        undefined,
        { name: 'comment', form: formState(fields, errors) },
        400,
      );
    }
    try {
      await this.agreements.comment(page.user as AuthUser, id, validated.value);
    } catch (error) {
      return this.refused(page, id, 'comment', fields, error);
    }
    page.redirect(`/outgoing/${id}/learning-agreement`, 'learningAgreements.view.notice.commented');
  }

  /** The receiving institution's results per component of table A; empty components wait. */
  @Roles('coordinator', 'admin', 'partner')
  @Post(':id/learning-agreement/results')
  async results(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const fields = postedForm(reply.request.body);
    const rows: Array<{ index: number; code: string; grade?: string; ects?: string }> = [];
    for (let index = 0; index < LA_MAX_COMPONENTS; index++) {
      const code = textOf(fields, `code-${index}`);
      const grade = textOf(fields, `grade-${index}`);
      const ects = textOf(fields, `ects-${index}`);
      if (code && (grade || ects)) rows.push({ index, code, grade, ects });
    }
    const showAgain = (errors: FieldError[], status = 400) =>
      this.showAgreement(page, id, undefined, { name: 'results', form: formState(fields, errors) }, status);
    if (rows.length === 0) {
      return showAgain([{ field: 'form', message: page.t('learningAgreements.view.results.empty') }]);
    }
    const validated = await validateForm(RecordResultsDto, {
      results: rows.map((row) => ({
        code: row.code,
        grade: row.grade ?? '',
        ectsObtained: ectsOf(row.ects ?? ''),
      })),
    });
    if (!validated.ok) {
      const labels: Record<string, string> = {};
      const problems = validated.problems.map((problem) => {
        const match = /^results\.(\d+)\.(grade|ectsObtained|code)$/.exec(problem.field);
        const row = match ? rows[Number(match[1])] : undefined;
        if (!match || !row) return { ...problem, field: 'form' };
        const field = match[2] === 'ectsObtained' ? `ects-${row.index}` : `grade-${row.index}`;
        labels[field] = page.t(
          match[2] === 'ectsObtained'
            ? 'learningAgreements.view.results.ectsOf'
            : 'learningAgreements.view.results.gradeOf',
          { code: row.code },
        );
        // Text that is no number is said so (not "too large").
        const notANumber = match[2] === 'ectsObtained' && typeof ectsOf(row.ects ?? '') !== 'number';
        return { field, constraints: notANumber ? ['isNumber'] : problem.constraints };
      });
      return showAgain(page.fieldErrors(problems, labels));
    }
    try {
      await this.agreements.recordResults(page.user as AuthUser, id, validated.value);
    } catch (error) {
      return this.refused(page, id, 'results', fields, error);
    }
    page.redirect(`/outgoing/${id}/learning-agreement`, 'learningAgreements.view.notice.results');
  }

  /** The home coordinator's decision per component of table B: recognised (grade) or not (reason). */
  @Roles('coordinator', 'admin')
  @Post(':id/learning-agreement/recognition')
  async recognition(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const fields = postedForm(reply.request.body);
    const errors: FieldError[] = [];
    const rows: Array<{ index: number; code: string }> = [];
    const decisions: Array<{ code: string; recognised: boolean; grade?: string; reason?: string }> = [];
    for (let index = 0; index < LA_MAX_COMPONENTS; index++) {
      const code = textOf(fields, `rcode-${index}`);
      const choice = textOf(fields, `recognised-${index}`);
      if (!code || !choice) continue;
      const grade = textOf(fields, `rgrade-${index}`);
      const reason = textOf(fields, `reason-${index}`);
      if (choice === 'yes') {
        if (!grade) {
          errors.push({
            field: `rgrade-${index}`,
            message: page.t('learningAgreements.view.recognition.gradeMissing', { code }),
          });
        }
        decisions.push({ code, recognised: true, grade });
      } else if (choice === 'no') {
        if (!reason) {
          errors.push({
            field: `reason-${index}`,
            message: page.t('learningAgreements.view.recognition.reasonMissing', { code }),
          });
        }
        decisions.push({ code, recognised: false, reason });
      } else {
        errors.push({
          field: `recognised-${index}`,
          message: page.t('web.validation.isIn', {
            field: page.t('learningAgreements.view.recognition.decisionOf', { code }),
          }),
        });
        continue;
      }
      rows.push({ index, code });
    }
    const showAgain = (found: FieldError[], status = 400) =>
      this.showAgreement(
        page,
        id,
        undefined,
        { name: 'recognition', form: formState(fields, found) },
        status,
      );
    if (decisions.length === 0 && errors.length === 0) {
      errors.push({ field: 'form', message: page.t('learningAgreements.view.recognition.empty') });
    }
    if (errors.length > 0) return showAgain(errors);
    const validated = await validateForm(RecordRecognitionDto, { decisions });
    if (!validated.ok) {
      const labels: Record<string, string> = {};
      const problems = validated.problems.map((problem) => {
        const match = /^decisions\.(\d+)\.(grade|reason|code|recognised)$/.exec(problem.field);
        const row = match ? rows[Number(match[1])] : undefined;
        if (!match || !row) return { ...problem, field: 'form' };
        const field =
          match[2] === 'reason'
            ? `reason-${row.index}`
            : match[2] === 'grade'
              ? `rgrade-${row.index}`
              : `recognised-${row.index}`;
        labels[field] = page.t(
          match[2] === 'reason'
            ? 'learningAgreements.view.recognition.reasonOf'
            : match[2] === 'grade'
              ? 'learningAgreements.view.recognition.gradeOf'
              : 'learningAgreements.view.recognition.decisionOf',
          { code: row.code },
        );
        return { ...problem, field };
      });
      return showAgain(page.fieldErrors(problems, labels));
    }
    try {
      await this.agreements.recordRecognition(page.user as AuthUser, id, validated.value);
    } catch (error) {
      return this.refused(page, id, 'recognition', fields, error);
    }
    page.redirect(`/outgoing/${id}/learning-agreement`, 'learningAgreements.view.notice.recognition');
  }

  /** Problems of the sign and comment forms: a bad hash is a page read before a change. */
  private problems(page: Page, name: 'sign' | 'comment', problems: FieldProblem[]): FieldError[] {
    const stale = page.t(
      name === 'sign' ? 'learningAgreements.view.error.stale' : 'learningAgreements.view.error.staleComment',
    );
    return problems.map((problem) => {
      if (problem.field === 'hash') return { field: 'form', message: stale };
      if (name === 'comment' && problem.field === 'reason' && problem.constraints.includes('isNotEmpty')) {
        return { field: 'reason', message: page.t('learningAgreements.view.comment.missing') };
      }
      return page.fieldErrors([problem], {
        name: page.t('learningAgreements.view.sign.name'),
        position: page.t('learningAgreements.view.sign.position'),
        reason: page.t('learningAgreements.view.comment.reason'),
      })[0];
    });
  }

  /**
   * The service refused: its rule's sentence at the top of the page, which shows the agreement
   * as it is now (a stale hash reads as "changed since you opened it"). A 404 stays the 404 page.
   */
  private async refused(
    page: Page,
    id: string,
    name: LaFormName,
    fields: Record<string, string | string[]>,
    error: unknown,
  ): Promise<void> {
    if (!(error instanceof DomainException) || error.status === 404) throw error;
    let errors: FieldError[];
    if (error.code === LearningAgreementErrorCode.STALE) {
      const key =
        name === 'comment'
          ? 'learningAgreements.view.error.staleComment'
          : 'learningAgreements.view.error.stale';
      errors = [{ field: 'form', message: page.t(key) }];
    } else if (error instanceof InvalidInputError && name === 'sign') {
      errors = [{ field: 'position', message: page.t('learningAgreements.view.sign.positionMissing') }];
    } else {
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      errors = [{ field: 'form', message: sentence }];
    }
    // The form shows the latest version again: a stale hash must not be posted twice.
    const { hash: _hash, ...kept } = fields;
    void _hash;
    return this.showAgreement(page, id, undefined, { name, form: formState(kept, errors) }, error.status);
  }

  private async showAgreement(
    page: Page,
    id: string,
    versionNumber?: number,
    attempt?: LearningAgreementPageProps['attempt'],
    status = 200,
  ): Promise<void> {
    const caller = page.user as AuthUser;
    const agreement = await this.agreements.get(caller, id);
    const header = await this.agreements.mobilityHeader(caller, id);
    const current = agreement.current;
    let shown = current;
    if (versionNumber !== undefined) {
      if (!current) throw new NotFoundError('Learning agreement version');
      if (versionNumber !== current.number) shown = await this.agreements.version(caller, id, versionNumber);
    }
    const comments: Array<{ number: number; comment: CommentResponse }> = [];
    for (const summary of agreement.versions.filter((v) => v.status === 'rejected').slice(-SHOWN_COMMENTS)) {
      const version =
        summary.number === current?.number
          ? current
          : await this.agreements.version(caller, id, summary.number);
      if (version.comment) comments.push({ number: version.number, comment: version.comment });
    }
    let comparison: LearningAgreementPageProps['comparison'] = null;
    if (current && agreement.lastApproved && agreement.lastApproved.number !== current.number) {
      comparison = {
        label: 'approved',
        base: agreement.lastApproved.number,
        lines: differences(agreement.lastApproved.content, current.content),
      };
    } else if (current && !agreement.lastApproved && current.number > 1) {
      const previous = await this.agreements.version(caller, id, current.number - 1);
      comparison = {
        label: 'previous',
        base: previous.number,
        lines: differences(previous.content, current.content),
      };
    }
    page.render(
      <LearningAgreementPage
        header={header}
        agreement={agreement}
        shown={shown}
        actions={actionsFor(caller, header, agreement)}
        comments={comments}
        comparison={comparison}
        attempt={attempt}
      />,
      { title: page.t('learningAgreements.view.heading', { name: header.studentName }), status },
    );
  }
}

/** The waiting list's query: only the cursor of the next page (50 rows a page). */
export class WaitingQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;
}

/** What waits for the visitor's signature: the office's side, or a partner's institution's. */
@WebController('learning-agreements')
export class LearningAgreementQueueController {
  constructor(
    private readonly agreements: LearningAgreementsService,
    private readonly web: WebPages,
  ) {}

  @Roles('coordinator', 'admin', 'partner')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = { cursor: textOf(fields, 'cursor') };
    const validated = await validateForm(WaitingQueryDto, values);
    // The cursor is no field of the page: a bad one is said at the top.
    const badCursor: FieldError[] = [
      { field: 'form', message: page.t('web.validation.invalid', { field: page.t('web.pager.next') }) },
    ];
    let errors: FieldError[] = validated.ok ? [] : badCursor;
    let results;
    if (validated.ok) {
      try {
        results = await this.agreements.waiting(page.user as AuthUser, validated.value.cursor);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        errors = badCursor;
      }
    }
    page.render(<LearningAgreementQueuePage results={results} form={formState(values, errors)} />, {
      title: page.t('learningAgreements.queue.title'),
      status: errors.length > 0 ? 400 : 200,
    });
  }
}
