import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  fieldId,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { LA_MAX_COMPONENTS, LA_TABLES, type LaTable } from '../learning-agreement-state.js';
import { COLUMNS, PERSON_FIELDS, type FormTotals } from './learning-agreement-edit.form.js';
import {
  CEFR_OPTIONS,
  Cell,
  ShortCreditsReason,
  Totals,
  columnKey,
  liveTotals,
  useCellLabel,
  type CellKind,
} from './learning-agreement-edit.parts.js';

const KIND: Record<string, CellKind> = {
  title: 'text',
  code: 'code',
  term: 'term',
  ects: 'ects',
  recognitionConditions: 'long',
  description: 'long',
};

/** One table of the draft: a row per component (existing, then blank), a "remove" box per row. */
function DraftTable({
  table,
  rows,
  form,
  totals,
  mobility,
}: {
  table: LaTable;
  rows: number;
  form: FormState;
  totals: FormTotals;
  mobility: OutgoingResponse;
}) {
  const { t } = usePage();
  const cellLabel = useCellLabel();
  const name = `table${table}`;
  const headingId = `heading-${name}`;
  const tableError = form.errors.find((error) => error.field === name)?.message;
  return (
    <section
      aria-labelledby={headingId}
      id={fieldId(name)}
      class={tableError ? 'la-table field-error' : 'la-table'}
    >
      <h2 id={headingId}>{t(`laEdit.table.${table}`)}</h2>
      <p class="hint">
        {t(`laEdit.table.${table}.hint`, {
          receiving: mobility.receivingInstitution.name,
          sending: mobility.sendingInstitution.name,
        })}
      </p>
      {tableError ? <p class="error-message">{tableError}</p> : null}
      <div class="table-wrap">
        <table class="la-edit-table">
          <thead>
            <tr>
              <th scope="col">{t('laEdit.column.row')}</th>
              {COLUMNS[table].map((column) => (
                <th scope="col">{t(columnKey(column))}</th>
              ))}
              <th scope="col">{t('laEdit.column.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_unused, index) => (
              <tr>
                <th scope="row">
                  <span class="cell-column">{t('laEdit.column.row')} </span>
                  {index + 1}
                </th>
                {COLUMNS[table].map((column) => (
                  <Cell
                    form={form}
                    name={`${name}.${index}.${column}`}
                    label={cellLabel(column, table, index)}
                    kind={KIND[column]}
                  />
                ))}
                <Cell
                  form={form}
                  name={`${name}.${index}.remove`}
                  label={cellLabel('remove', table, index)}
                  kind="check"
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Totals table={table} totals={totals} term={mobility.term} />
      {rows < LA_MAX_COMPONENTS ? (
        <SubmitButton variant="secondary" name="add" value={table}>
          {t('laEdit.addRow', { table })}
        </SubmitButton>
      ) : (
        <p class="hint">{t('laEdit.full', { max: LA_MAX_COMPONENTS })}</p>
      )}
    </section>
  );
}

/** The sending and the receiving side's responsible person. */
function Person({ side, form }: { side: 'sendingResponsible' | 'receivingResponsible'; form: FormState }) {
  const { t } = usePage();
  return (
    <fieldset class="la-person">
      <legend>
        <h3>{t(`laEdit.section.${side}`)}</h3>
      </legend>
      {PERSON_FIELDS.map((field) => (
        <TextField
          form={form}
          name={`${side}.${field}`}
          label={t(`laEdit.person.${field}`)}
          type={field === 'email' ? 'email' : 'text'}
          autocomplete="off"
        />
      ))}
    </fieldset>
  );
}

export interface DraftEditProps {
  mobility: OutgoingResponse;
  form: FormState;
  rows: Record<LaTable, number>;
  totals: FormTotals;
  /** A signed version exists: saving makes a new version that needs the signatures again. */
  signed: boolean;
}

/** The whole draft before the first approval: tables A, B, C, the student's language, EQF, field, responsible persons. */
export function LearningAgreementEditPage({ mobility, form, rows, totals, signed }: DraftEditProps) {
  const { t, href } = usePage();
  const agreement = `/outgoing/${mobility.id}/learning-agreement`;
  return (
    <>
      <p>
        <a href={href(agreement)}>{t('laEdit.back')}</a>
      </p>
      <h1>{t('laEdit.title')}</h1>
      <p class="lead">
        {t('laEdit.lead', {
          student: `${mobility.student.firstName} ${mobility.student.lastName}`,
          host: mobility.receivingInstitution.name,
          period: `${t(`programmes.term.${mobility.term}`)} ${mobility.academicYear}`,
        })}
      </p>
      {signed ? <p class="notice">{t('laEdit.signedWarning')}</p> : null}
      <ErrorSummary form={form} />
      <Form action={href(`${agreement}/edit`)} class="la-edit" {...liveTotals(href(`${agreement}/edit`))}>
        <input type="hidden" name="mode" value="draft" />
        {/* First in the form, so that Enter in a field saves (a browser submits with the first
            button) instead of adding a row. */}
        <div class="button-row">
          <SubmitButton name="save" value="1">
            {t('laEdit.saveTop')}
          </SubmitButton>
        </div>
        {LA_TABLES.map((table) => (
          <DraftTable table={table} rows={rows[table]} form={form} totals={totals} mobility={mobility} />
        ))}
        <ShortCreditsReason form={form} totals={totals} />
        <h2>{t('laEdit.section.student')}</h2>
        <div class="la-inline-fields">
          <TextField
            form={form}
            name="languageCompetence.language"
            label={t('laEdit.field.language')}
            hint={t('laEdit.field.languageHint')}
            width="short"
            autocomplete="off"
          />
          <Select
            form={form}
            name="languageCompetence.cefrLevel"
            label={t('laEdit.field.cefrLevel')}
            options={CEFR_OPTIONS}
            blank={t('laEdit.choose')}
          />
          <Select
            form={form}
            name="eqfLevel"
            label={t('laEdit.field.eqfLevel')}
            options={[6, 7, 8].map((level) => ({ value: String(level), label: t(`laEdit.eqf.${level}`) }))}
            blank={t('laEdit.choose')}
          />
          <TextField
            form={form}
            name="subjectArea"
            label={t('laEdit.field.subjectArea')}
            hint={t('laEdit.field.subjectAreaHint')}
            width="short"
            inputmode="numeric"
            autocomplete="off"
          />
        </div>
        <h2>{t('laEdit.section.responsible')}</h2>
        <div class="la-people">
          <Person side="sendingResponsible" form={form} />
          <Person side="receivingResponsible" form={form} />
        </div>
        <div class="button-row">
          <SubmitButton name="save" value="1">
            {t('laEdit.save')}
          </SubmitButton>
          <a href={href(agreement)}>{t('laEdit.cancel')}</a>
        </div>
      </Form>
    </>
  );
}
