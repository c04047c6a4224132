import { CEFR_LEVELS } from '../../common/domain.js';
import { fieldId, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { LA_REASON_CODES, MIN_SEMESTER_ECTS, type LaTable } from '../learning-agreement-state.js';
import { COMPONENT_TERMS, type FormTotals } from './learning-agreement-edit.form.js';

/** Pieces both edit forms share: a cell with its label (the column on a phone, hidden in a table) and error, totals, the reason for few credits. */

const errorOf = (form: FormState, name: string) => form.errors.find((error) => error.field === name)?.message;
const valueOf = (form: FormState, name: string) => {
  const value = form.values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/**
 * With JavaScript, the totals follow what is typed: on any change htmx posts the form with
 * `preview=1` (nothing saved) and swaps in the totals and the reason's hint of the page it gets.
 */
export const liveTotals = (action: string) => ({
  'hx-post': action,
  'hx-trigger': 'change',
  'hx-vals': JSON.stringify({ preview: '1' }),
  'hx-swap': 'none',
  'hx-select-oob': '#totals-A,#totals-B,#totals-C,#field-shortCreditsReason-hint',
});

/** A column heading's message key. */
export const columnKey = (column: string) => `laEdit.column.${column}`;

/** A cell's label: its column (shown on a phone) and where it is (said by screen readers). */
export interface CellLabel {
  column: string;
  where: string;
}

/** The label of a cell by column, table and row ("ECTS credits" + "table A, row 2"). */
export function useCellLabel() {
  const { t } = usePage();
  return (column: string, table: LaTable, index: number): CellLabel => ({
    column: t(columnKey(column)),
    where: t('laEdit.cellWhere', { table, row: index + 1 }),
  });
}

/** The words naming a cell, as its label reads them: "ECTS credits, table A, row 2". */
export const cellName = (label: CellLabel) => `${label.column}, ${label.where}`;

export type CellKind = 'text' | 'code' | 'ects' | 'term' | 'long' | 'reasonCode' | 'check';

/**
 * One input of a table's row: labelled by column, table and row (on a wide screen the column
 * heading shows and the label is for screen readers; on a phone the column shows), its error
 * above it (and in aria-describedby), what was typed kept.
 */
export function Cell(props: ControlProps) {
  return (
    <td class={`la-cell la-cell-${props.kind}`}>
      <CellControl {...props} />
    </td>
  );
}

/** The reason of a change in one cell: EWP's code (a select) above the words (optional). */
export function ReasonCell({
  form,
  prefix,
  label,
}: {
  form: FormState;
  prefix: string;
  label: (column: string) => CellLabel;
}) {
  return (
    <td class="la-cell la-cell-reason">
      <CellControl form={form} name={`${prefix}.reasonCode`} label={label('reasonCode')} kind="reasonCode" />
      <CellControl form={form} name={`${prefix}.reasonText`} label={label('reasonText')} kind="long" />
    </td>
  );
}

interface ControlProps {
  form: FormState;
  name: string;
  label: CellLabel;
  kind: CellKind;
  checkValue?: string;
}

function CellControl({ form, name, label, kind, checkValue = '1' }: ControlProps) {
  const { t } = usePage();
  const id = fieldId(name);
  const error = errorOf(form, name);
  const value = valueOf(form, name);
  const common = {
    id,
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  let control;
  if (kind === 'term' || kind === 'reasonCode') {
    const options =
      kind === 'term'
        ? COMPONENT_TERMS.map((term) => ({ value: term, label: t(`programmes.term.${term}`) }))
        : LA_REASON_CODES.map((code) => ({ value: code, label: t(`laEdit.reason.${code}`) }));
    control = (
      <select {...common}>
        <option value="">{t('laEdit.choose')}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'check') {
    control = <input {...common} type="checkbox" value={checkValue} checked={value !== ''} />;
  } else if (kind === 'long') {
    control = (
      <textarea {...common} rows={2}>
        {value}
      </textarea>
    );
  } else {
    control = (
      <input
        {...(common as object)}
        type="text"
        value={value}
        inputmode={kind === 'ects' ? 'decimal' : undefined}
        autocomplete="off"
      />
    );
  }
  return (
    <div class={`la-control la-control-${kind}${error ? ' cell-error' : ''}`}>
      <label for={id} class="cell-label">
        <span class="cell-column">{label.column}</span>
        <span class="cell-where">, {label.where}</span>
      </label>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {control}
    </div>
  );
}

/** ECTS totals under a table (and per semester for table A), computed from what the form shows. */
export function Totals({
  table,
  totals,
  term,
}: {
  table: LaTable;
  totals: FormTotals;
  term: OutgoingResponse['term'];
}) {
  const { t, formatNumber } = usePage();
  return (
    <dl class="facts la-totals" id={`totals-${table}`}>
      <dt>{t('laEdit.total', { table })}</dt>
      <dd>{t('laEdit.ects', { ects: formatNumber(totals.tables[table]) })}</dd>
      {table === 'A' && term
        ? totals.semesters.map((semester) => (
            <>
              <dt>{t('laEdit.totalSemester', { semester: t(`programmes.term.${semester.term}`) })}</dt>
              <dd>
                {t('laEdit.ects', { ects: formatNumber(semester.ects) })}
                {semester.ects < MIN_SEMESTER_ECTS && totals.short ? (
                  <span class="tag">{t('laEdit.underMinimum', { minimum: MIN_SEMESTER_ECTS })}</span>
                ) : null}
              </dd>
            </>
          ))
        : null}
    </dl>
  );
}

/** The written reason for a semester under 20 ECTS: the rule's sentence, marked as needed when it is. */
export function ShortCreditsReason({ form, totals }: { form: FormState; totals: FormTotals }) {
  const { t } = usePage();
  const name = 'shortCreditsReason';
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{t('laEdit.field.shortCreditsReason')}</label>
      <p class="hint" id={`${id}-hint`}>
        {totals.short
          ? t('laEdit.shortCredits.needed', { minimum: MIN_SEMESTER_ECTS })
          : t('laEdit.shortCredits.rule', { minimum: MIN_SEMESTER_ECTS })}
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={3}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      >
        {valueOf(form, name)}
      </textarea>
    </div>
  );
}

export const CEFR_OPTIONS = CEFR_LEVELS.map((level) => ({ value: level, label: level }));
