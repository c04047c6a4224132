import { Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { OutgoingService } from '../../outgoing/outgoing.service.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { validateForm, type FieldProblem } from '../../web/form-validation.js';
import { missingFirst } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { DraftLearningAgreementDto, ProposeChangesDto } from '../dto/learning-agreement-input.dto.js';
import type { LearningAgreementResponse } from '../dto/learning-agreement.response.js';
import { LA_MAX_COMPONENTS, LA_TABLES, type LaTable } from '../learning-agreement-state.js';
import { LearningAgreementsService } from '../learning-agreements.service.js';
import { LearningAgreementChangesPage } from './learning-agreement-changes.page.js';
import {
  PERSON_FIELDS,
  addedTable,
  approvedTables,
  postedForm,
  changesInput,
  type ApprovedTables,
  changesTotals,
  changesValues,
  draftInput,
  draftTotals,
  draftValues,
  problemsInForm,
  shownRows,
  type Fields,
  type PathMap,
} from './learning-agreement-edit.form.js';
import { LearningAgreementEditPage } from './learning-agreement-edit.page.js';
import { cellName } from './learning-agreement-edit.parts.js';

type Loaded = { agreement: LearningAgreementResponse; mobility: OutgoingResponse };

/**
 * The student's (or the home office's) edit of a learning agreement: the whole draft before the
 * first approval (saveDraft), changes to the approved version afterwards (proposeChanges). Rows
 * are added without JavaScript: the button "add a row" posts the form, which comes back with what
 * was typed and one more row, saving nothing.
 */
@WebController('outgoing')
export class LearningAgreementEditController {
  constructor(
    private readonly agreements: LearningAgreementsService,
    private readonly outgoing: OutgoingService,
    private readonly web: WebPages,
  ) {}

  @Roles('student', 'coordinator', 'admin')
  @Get(':id/learning-agreement/edit')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const loaded = await this.load(page, id);
    const { agreement, mobility } = loaded;
    if (agreement.lastApproved) {
      const pending =
        agreement.current && agreement.current.number > agreement.lastApproved.number
          ? agreement.current.content
          : null;
      this.renderChanges(page, loaded, formState(changesValues(agreement.lastApproved.content, pending)));
    } else {
      const values = draftValues(agreement.current?.content ?? null, mobility);
      this.renderDraft(page, loaded, formState(values));
    }
  }

  @Roles('student', 'coordinator', 'admin')
  @Post(':id/learning-agreement/edit')
  async submit(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const fields = postedForm(reply.request.body);
    const loaded = await this.load(page, id);
    const changes = loaded.agreement.lastApproved !== null;
    const posted = fields.mode === 'changes' ? 'changes' : 'draft';
    if (posted !== (changes ? 'changes' : 'draft')) {
      // The agreement was approved (or not yet) since the form was opened: the right form, afresh.
      const sentence = page.t('laEdit.error.formChanged');
      if (changes) {
        const approved = loaded.agreement.lastApproved!.content;
        return this.renderChanges(
          page,
          loaded,
          formState(changesValues(approved, null), [form(sentence)]),
          409,
        );
      }
      const values = draftValues(loaded.agreement.current?.content ?? null, loaded.mobility);
      return this.renderDraft(page, loaded, formState(values, [form(sentence)]), 409);
    }
    return changes ? this.proposeChanges(page, loaded, fields) : this.saveDraft(page, loaded, fields);
  }

  private async saveDraft(page: Page, loaded: Loaded, fields: Fields): Promise<void> {
    const add = addedTable(fields);
    if (add || isPreview(fields)) return this.renderDraft(page, loaded, formState(fields), 200, add);
    const { input, paths } = draftInput(fields);
    const validated = await validateForm(DraftLearningAgreementDto, input);
    const errors: FieldError[] = validated.ok ? [] : this.errors(page, validated.problems, paths);
    if (!validated.ok || errors.length > 0) {
      return this.renderDraft(page, loaded, formState(fields, errors), 400);
    }
    const before = loaded.agreement.current;
    const signed = before !== null && (before.signatures.length > 0 || before.comment !== null);
    try {
      await this.agreements.saveDraft(page.user as AuthUser, loaded.mobility.id, validated.value);
    } catch (error) {
      const refusal = this.refusal(page, error, paths);
      if (!refusal) throw error;
      return this.renderDraft(page, loaded, formState(fields, refusal.errors), refusal.status);
    }
    page.redirect(
      `/outgoing/${loaded.mobility.id}/learning-agreement`,
      signed ? 'laEdit.notice.newVersion' : 'laEdit.notice.saved',
    );
  }

  private async proposeChanges(page: Page, loaded: Loaded, fields: Fields): Promise<void> {
    const approved = approvedTables(loaded.agreement.lastApproved!.content);
    const add = addedTable(fields);
    if (add || isPreview(fields)) return this.renderChanges(page, loaded, formState(fields), 200, add);
    const { input, paths } = changesInput(fields, approved);
    const validated = await validateForm(ProposeChangesDto, input);
    const errors: FieldError[] = validated.ok ? [] : this.errors(page, validated.problems, paths, approved);
    if (!validated.ok || errors.length > 0) {
      return this.renderChanges(page, loaded, formState(fields, errors), 400);
    }
    try {
      await this.agreements.proposeChanges(page.user as AuthUser, loaded.mobility.id, validated.value);
    } catch (error) {
      const refusal = this.refusal(page, error, paths, approved);
      if (!refusal) throw error;
      return this.renderChanges(page, loaded, formState(fields, refusal.errors), refusal.status);
    }
    page.redirect(`/outgoing/${loaded.mobility.id}/learning-agreement`, 'laEdit.notice.changesProposed');
  }

  /** The agreement first: another student's mobility is the service's 404, before anything about it is read. */
  private async load(page: Page, id: string): Promise<Loaded> {
    const caller = page.user as AuthUser;
    const agreement = await this.agreements.get(caller, id);
    const mobility = await this.outgoing.get(caller, id);
    return { agreement, mobility };
  }

  private renderDraft(
    page: Page,
    { agreement, mobility }: Loaded,
    form: ReturnType<typeof formState>,
    status = 200,
    add?: LaTable,
  ) {
    const rows = Object.fromEntries(
      LA_TABLES.map((table) => [table, shownRows(form.values, `table${table}`, add === table)]),
    ) as Record<LaTable, number>;
    const current = agreement.current;
    page.render(
      <LearningAgreementEditPage
        mobility={mobility}
        form={form}
        rows={rows}
        totals={draftTotals(form.values, mobility.term)}
        signed={current !== null && (current.signatures.length > 0 || current.comment !== null)}
      />,
      { title: page.t('laEdit.title'), status },
    );
  }

  private renderChanges(
    page: Page,
    { agreement, mobility }: Loaded,
    form: ReturnType<typeof formState>,
    status = 200,
    add?: LaTable,
  ) {
    const approved = approvedTables(agreement.lastApproved!.content);
    const inserts = Object.fromEntries(
      LA_TABLES.map((table) => [
        table,
        Math.max(1, shownRows(form.values, `insert.${table}`, add === table)),
      ]),
    ) as Record<LaTable, number>;
    page.render(
      <LearningAgreementChangesPage
        mobility={mobility}
        form={form}
        approved={approved}
        approvedVersion={agreement.lastApproved!.number}
        inserts={inserts}
        totals={changesTotals(form.values, approved, mobility.term)}
      />,
      { title: page.t('laEdit.changes.title'), status },
    );
  }

  /** Problems of the DTO beside the form's fields, in the page's language. */
  private errors(
    page: Page,
    problems: FieldProblem[],
    paths: PathMap,
    approved?: ApprovedTables,
  ): FieldError[] {
    const inForm = problemsInForm(missingFirst(problems), paths);
    const errors: FieldError[] = [];
    for (const { field, constraints } of inForm) {
      const label = labelOf(page, field, approved);
      const table = /^(?:table([ABC])|changes)$/.exec(field);
      if (table) {
        const key = constraints.includes('arrayMaxSize') ? 'laEdit.error.tooMany' : 'laEdit.error.noChange';
        errors.push(form(page.t(key, { table: table[1] ?? '', max: LA_MAX_COMPONENTS })));
      } else if (field.endsWith('.ects')) {
        errors.push({ field, message: page.t('laEdit.error.ects', { field: label }) });
      } else if (field === 'languageCompetence.language') {
        errors.push({ field, message: page.t('laEdit.error.language', { field: label }) });
      } else if (field === 'subjectArea') {
        errors.push({ field, message: page.t('laEdit.error.subjectArea', { field: label }) });
      } else {
        errors.push(...page.fieldErrors([{ field, constraints }], { [field]: label }));
      }
    }
    // One sentence per field: the first problem of each.
    return errors.filter(
      (error, index) => error.field === 'form' || errors.findIndex((e) => e.field === error.field) === index,
    );
  }

  /**
   * What the service refused, in the form: a code twice in a table or a change that does not
   * apply beside its table or row, a broken rule (LA_CLOSED, ...) as its sentence at the top.
   */
  private refusal(
    page: Page,
    error: unknown,
    paths: PathMap,
    approved?: ApprovedTables,
  ): { status: number; errors: FieldError[] } | undefined {
    if (error instanceof DomainException && error.status === 400) {
      const named = Array.isArray(error.details?.fields)
        ? (error.details.fields as Array<{ field?: unknown }>)
            .map((item) => item.field)
            .filter((f): f is string => typeof f === 'string')
        : [];
      const errors = named.map((field): FieldError => {
        const table = /^table([ABC])$/.exec(field);
        if (table) return { field, message: page.t('laEdit.error.duplicateCode', { table: table[1] }) };
        const change = /^changes\[(\d+)\]$/.exec(field);
        const prefix = change ? paths[`changes.${change[1]}`] : undefined;
        if (prefix) {
          const target = prefix.startsWith('delete.') ? `${prefix}.selected` : `${prefix}.code`;
          return {
            field: target,
            message: page.t('laEdit.error.change', { field: labelOf(page, target, approved) }),
          };
        }
        return form(page.t('laEdit.error.tooManyAfterChanges', { max: LA_MAX_COMPONENTS }));
      });
      return {
        status: 400,
        errors:
          errors.length > 0
            ? errors
            : [form(page.t('web.validation.invalid', { field: page.t('laEdit.title') }))],
      };
    }
    const sentence = page.errorSentence(error);
    if (!sentence) return undefined;
    const status = error instanceof DomainException ? error.status : 409;
    return { status: status >= 500 ? 409 : status, errors: [form(sentence)] };
  }
}

const form = (message: string): FieldError => ({ field: 'form', message });

/** htmx asks for the form again as typed to refresh its totals (`preview=1`): nothing is saved. */
const isPreview = (fields: Fields) => fields.preview === '1';

/** The words naming a field: "ECTS credits, table A, row 3", "Email of the sending side’s responsible person". */
function labelOf(page: Page, field: string, approved?: ApprovedTables): string {
  const cell = /^(?:table([ABC])|insert\.([ABC]))\.(\d+)\.(\w+)$/.exec(field);
  if (cell) {
    return cellName({
      column: page.t(`laEdit.column.${cell[4]}`),
      where: page.t('laEdit.cellWhere', { table: cell[1] ?? cell[2], row: Number(cell[3]) + 1 }),
    });
  }
  const deleted = /^delete\.([ABC])\.(\d+)\.(\w+)$/.exec(field);
  if (deleted) {
    const column = deleted[3] === 'selected' ? 'delete' : deleted[3];
    const code = approved?.[deleted[1] as LaTable][Number(deleted[2])]?.code ?? '';
    return cellName({
      column: page.t(`laEdit.column.${column}`),
      where: page.t('laEdit.componentWhere', { code }),
    });
  }
  const person = /^(sendingResponsible|receivingResponsible)\.(\w+)$/.exec(field);
  if (person && (PERSON_FIELDS as readonly string[]).includes(person[2])) {
    return `${page.t(`laEdit.person.${person[2]}`)} (${page.t(`laEdit.section.${person[1]}`)})`;
  }
  const known: Record<string, string> = {
    shortCreditsReason: 'laEdit.field.shortCreditsReason',
    'languageCompetence.language': 'laEdit.field.language',
    'languageCompetence.cefrLevel': 'laEdit.field.cefrLevel',
    languageCompetence: 'laEdit.field.language',
    eqfLevel: 'laEdit.field.eqfLevel',
    subjectArea: 'laEdit.field.subjectArea',
  };
  return known[field] ? page.t(known[field]) : page.t('laEdit.title');
}
