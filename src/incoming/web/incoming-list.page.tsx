import { TERMS } from '../../common/domain.js';
import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Select, TextField, type FormState } from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import type { IncomingResponse } from '../dto/incoming.response.js';
import { INCOMING_STATUSES } from '../incoming-state.js';

/** The address of the same list with other parameters (empty ones left out). */
export function listQuery(values: Record<string, unknown>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...extra })) {
    if (typeof value === 'string' && value !== '' && name !== 'cursor') params.set(name, value);
  }
  if (extra.cursor) params.set('cursor', extra.cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function IncomingListPage({
  form,
  results,
  years,
}: {
  form: FormState;
  results: Results<IncomingResponse> | undefined;
  years: string[];
}) {
  const { t, href, formatDate } = usePage();
  const any = t('incoming.filter.any');
  return (
    <>
      <h1>{t('incoming.list.title')}</h1>
      <p class="lead">{t('incoming.list.lead')}</p>
      <p class="button-row">
        <a class="button button-secondary" href={href('/incoming/import')}>
          {t('incoming.list.import')}
        </a>
        <a href={href(`/incoming/export.csv${listQuery(form.values)}`)}>{t('incoming.list.export')}</a>
      </p>
      <ErrorSummary form={form} />
      <FilterForm path="/incoming" submitLabel={t('incoming.filter.submit')}>
        <Select
          form={form}
          name="academicYear"
          label={t('incoming.filter.academicYear')}
          blank={any}
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={t('incoming.filter.term')}
          blank={any}
          options={TERMS.map((term) => ({ value: term, label: t(`incoming.term.${term}`) }))}
        />
        <Select
          form={form}
          name="status"
          label={t('incoming.filter.status')}
          blank={any}
          options={INCOMING_STATUSES.map((status) => ({
            value: status,
            label: t(`incoming.status.${status}`),
          }))}
        />
        <TextField
          form={form}
          name="presentOn"
          type="date"
          label={t('incoming.filter.presentOn')}
          hint={t('incoming.filter.presentOnHint')}
        />
        <TextField form={form} name="q" type="search" label={t('incoming.filter.words')} />
      </FilterForm>
      <ResultsTable
        title={t('incoming.list.results')}
        empty={t('incoming.list.none')}
        headings={[
          t('incoming.field.name'),
          t('incoming.field.partner'),
          t('incoming.field.faculty'),
          t('incoming.field.period'),
          t('incoming.field.planned'),
          t('incoming.field.status'),
        ]}
        results={results}
        path="/incoming"
        form={form}
        row={(mobility) => (
          <tr>
            <td>
              <a href={href(`/incoming/${mobility.id}`)}>
                {mobility.firstName} {mobility.lastName}
              </a>
            </td>
            <td>{mobility.homeInstitution?.name}</td>
            <td>{mobility.hostFaculty?.name}</td>
            <td>
              {t('incoming.period', {
                year: mobility.academicYear,
                term: t(`incoming.term.${mobility.term}`),
              })}
            </td>
            <td>
              {t('incoming.range', {
                from: formatDate(mobility.plannedArrival, 'medium'),
                to: formatDate(mobility.plannedDeparture, 'medium'),
              })}
            </td>
            <td>
              <span class={`status status-${mobility.status}`}>
                {t(`incoming.status.${mobility.status}`)}
              </span>
            </td>
          </tr>
        )}
      />
    </>
  );
}
