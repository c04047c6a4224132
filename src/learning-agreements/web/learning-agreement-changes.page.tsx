import { ErrorSummary, Form, SubmitButton, fieldId, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { LA_MAX_COMPONENTS, LA_TABLES, type LaTable } from '../learning-agreement-state.js';
import { COLUMNS, type ApprovedTables, type FormTotals } from './learning-agreement-edit.form.js';
import {
  Cell,
  ReasonCell,
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

/** One table: its approved components, each with "delete" and a reason; rows to insert, each with a reason. */
function ChangesTable({
  table,
  approved,
  inserts,
  form,
  totals,
  mobility,
}: {
  table: LaTable;
  approved: ApprovedTables[LaTable];
  inserts: number;
  form: FormState;
  totals: FormTotals;
  mobility: OutgoingResponse;
}) {
  const { t, formatNumber } = usePage();
  const cellLabel = useCellLabel();
  const headingId = `heading-changes-${table}`;
  return (
    <section aria-labelledby={headingId} id={fieldId(`changes-${table}`)} class="la-table">
      <h2 id={headingId}>{t(`laEdit.table.${table}`)}</h2>
      {approved.length === 0 ? (
        <p class="hint">{t('laEdit.changes.noneApproved')}</p>
      ) : (
        <div class="table-wrap">
          <table class="la-edit-table">
            <caption class="visually-hidden">{t('laEdit.changes.approvedCaption', { table })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('laEdit.column.title')}</th>
                <th scope="col">{t('laEdit.column.code')}</th>
                <th scope="col">{t('laEdit.column.ects')}</th>
                <th scope="col">{t('laEdit.column.delete')}</th>
                <th scope="col">{t('laEdit.column.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {approved.map((component, index) => {
                const prefix = `delete.${table}.${index}`;
                const label = (column: string) => ({
                  column: t(columnKey(column)),
                  where: t('laEdit.componentWhere', { code: component.code }),
                });
                return (
                  <tr>
                    <th scope="row">{component.title}</th>
                    <td>
                      <span class="cell-column">{t('laEdit.column.code')} </span>
                      <code>{component.code}</code>
                    </td>
                    <td>
                      <span class="cell-column">{t('laEdit.column.ects')} </span>
                      {formatNumber(component.ects)}
                    </td>
                    <Cell
                      form={form}
                      name={`${prefix}.selected`}
                      label={label('delete')}
                      kind="check"
                      checkValue={component.code}
                    />
                    <ReasonCell form={form} prefix={prefix} label={label} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('laEdit.changes.insertHeading', { table })}</h3>
      <div class="table-wrap">
        <table class="la-edit-table">
          <thead>
            <tr>
              <th scope="col">{t('laEdit.column.row')}</th>
              {COLUMNS[table].map((column) => (
                <th scope="col">{t(columnKey(column))}</th>
              ))}
              <th scope="col">{t('laEdit.column.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: inserts }, (_unused, index) => {
              const prefix = `insert.${table}.${index}`;
              return (
                <tr>
                  <th scope="row">
                    <span class="cell-column">{t('laEdit.column.row')} </span>
                    {index + 1}
                  </th>
                  {COLUMNS[table].map((column) => (
                    <Cell
                      form={form}
                      name={`${prefix}.${column}`}
                      label={cellLabel(column, table, index)}
                      kind={KIND[column]}
                    />
                  ))}
                  <ReasonCell
                    form={form}
                    prefix={prefix}
                    label={(column) => cellLabel(column, table, index)}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Totals table={table} totals={totals} term={mobility.term} />
      {inserts < LA_MAX_COMPONENTS ? (
        <SubmitButton variant="secondary" name="add" value={table}>
          {t('laEdit.addRow', { table })}
        </SubmitButton>
      ) : null}
    </section>
  );
}

export interface ChangesEditProps {
  mobility: OutgoingResponse;
  form: FormState;
  approved: ApprovedTables;
  approvedVersion: number;
  inserts: Record<LaTable, number>;
  totals: FormTotals;
}

/** After the first approval: changes to the approved version (components deleted and inserted, with reasons). */
export function LearningAgreementChangesPage({
  mobility,
  form,
  approved,
  approvedVersion,
  inserts,
  totals,
}: ChangesEditProps) {
  const { t, href } = usePage();
  const agreement = `/outgoing/${mobility.id}/learning-agreement`;
  return (
    <>
      <p>
        <a href={href(agreement)}>{t('laEdit.back')}</a>
      </p>
      <h1>{t('laEdit.changes.title')}</h1>
      <p class="lead">
        {t('laEdit.changes.lead', { version: approvedVersion, host: mobility.receivingInstitution.name })}
      </p>
      <ErrorSummary form={form} />
      <Form action={href(`${agreement}/edit`)} class="la-edit" {...liveTotals(href(`${agreement}/edit`))}>
        <input type="hidden" name="mode" value="changes" />
        {/* First in the form, so that Enter in a field saves (a browser submits with the first
            button) instead of adding a row. */}
        <div class="button-row">
          <SubmitButton name="save" value="1">
            {t('laEdit.changes.saveTop')}
          </SubmitButton>
        </div>
        {LA_TABLES.map((table) => (
          <ChangesTable
            table={table}
            approved={approved[table]}
            inserts={inserts[table]}
            form={form}
            totals={totals}
            mobility={mobility}
          />
        ))}
        <ShortCreditsReason form={form} totals={totals} />
        <div class="button-row">
          <SubmitButton name="save" value="1">
            {t('laEdit.changes.save')}
          </SubmitButton>
          <a href={href(agreement)}>{t('laEdit.cancel')}</a>
        </div>
      </Form>
    </>
  );
}
