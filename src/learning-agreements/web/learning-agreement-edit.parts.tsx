import { CEFR_LEVELS } from '../../common/domain.js';
import { fieldId, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { LA_REASON_CODES, MIN_SEMESTER_ECTS, type LaTable } from '../learning-agreement-state.js';
import { COMPONENT_TERMS, type FormTotals } from './learning-agreement-edit.form.js';

/** Pieces both edit forms share: a cell with its hidden label and error, totals, the reason for few credits. */

const errorOf = (form: FormState, name: string) => form.errors.find((error) => error.field === name)?.message;
const valueOf = (form: FormState, name: string) => {
  const value = form.values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** A column heading's message key. */
export const columnKey = (column: string) => `laEdit.column.${column}`;

/** The accessible name of a cell: its column, table and row ("ECTS credits, table A, row 2"). */
export function useCellLabel() {
  const { t } = usePage();
  return (column: string, table: LaTable, index: number) =>
    t('laEdit.cell', { column: t(columnKey(column)), table, row: index + 1 });
}

export type CellKind = 'text' | 'code' | 'ects' | 'term' | 'long' | 'reasonCode' | 'check';

/**
 * One input of a table's row: labelled for screen readers by column, table and row, its error
 * above it (and in aria-describedby), what was typed kept.
 */
export function Cell({
  form,
  name,
  label,
  kind,
  checkValue = '1',
}: {
  form: FormState;
  name: string;
  label: string;
  kind: CellKind;
  checkValue?: string;
}) {
  const { t } = usePage();
  const id = fieldId(name);
  const error = errorOf(form, name);
  const value = valueOf(form, name);
  const common = {
    id,
    name,
    'aria-label': label,
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
    <td class={`la-cell la-cell-${kind}${error ? ' cell-error' : ''}`}>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {control}
    </td>
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
