import { TERMS } from '../../common/domain.js';
import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Select, TextField, type FormState } from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import type { OutgoingResponse } from '../dto/outgoing.response.js';
import { OUTGOING_STATUSES } from '../outgoing-state.js';

/** Outgoing mobilities, newest first, filtered by year, term, status, host and words; keyset pages. */
export function OutgoingListPage({
  form,
  results,
  years,
  hosts,
}: {
  form: FormState;
  results: Results<OutgoingResponse> | undefined;
  years: string[];
  hosts: Array<{ id: string; name: string }>;
}) {
  const { t, href, formatDate } = usePage();
  const any = t('outgoing.filter.any');
  return (
    <>
      <h1>{t('outgoing.list.title')}</h1>
      <p class="lead">{t('outgoing.list.lead')}</p>
      <ErrorSummary form={form} />
      <FilterForm path="/outgoing" submitLabel={t('outgoing.filter.submit')}>
        <Select
          form={form}
          name="academicYear"
          label={t('outgoing.filter.academicYear')}
          blank={any}
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={t('outgoing.filter.term')}
          blank={any}
          options={TERMS.map((term) => ({ value: term, label: t(`programmes.term.${term}`) }))}
        />
        <Select
          form={form}
          name="status"
          label={t('outgoing.filter.status')}
          blank={any}
          options={OUTGOING_STATUSES.map((status) => ({
            value: status,
            label: t(`outgoing.status.${status}`),
          }))}
        />
        <Select
          form={form}
          name="hostInstitutionId"
          label={t('outgoing.filter.host')}
          blank={any}
          options={hosts.map((host) => ({ value: host.id, label: host.name }))}
        />
        <TextField form={form} name="q" type="search" label={t('outgoing.filter.words')} />
      </FilterForm>
      <ResultsTable
        title={t('outgoing.list.results')}
        empty={t('outgoing.list.none')}
        headings={[
          t('outgoing.field.student'),
          t('outgoing.field.receiving'),
          t('outgoing.field.period'),
          t('outgoing.field.planned'),
          t('outgoing.field.status'),
          t('outgoing.field.answer'),
        ]}
        results={results}
        path="/outgoing"
        form={form}
        row={(mobility) => (
          <tr>
            <td>
              <a href={href(`/outgoing/${mobility.id}`)}>
                {mobility.student.firstName} {mobility.student.lastName}
              </a>
            </td>
            <td>{mobility.receivingInstitution.name}</td>
            <td>
              {t('outgoing.period', {
                year: mobility.academicYear,
                term: t(`programmes.term.${mobility.term}`),
              })}
            </td>
            <td>
              {t('outgoing.range', {
                from: formatDate(mobility.plannedArrival, 'medium'),
                to: formatDate(mobility.plannedDeparture, 'medium'),
              })}
            </td>
            <td>
              <span class={`status status-${mobility.status}`}>
                {t(`outgoing.status.${mobility.status}`)}
              </span>
            </td>
            <td>{t(`outgoing.verification.${mobility.verification.status}`)}</td>
          </tr>
        )}
      />
    </>
  );
}
