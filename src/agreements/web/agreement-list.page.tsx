import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Select, type FormState } from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import { AGREEMENT_STATUSES } from '../agreement.entity.js';
import type { AgreementResponse } from '../dto/agreement.response.js';

export function AgreementListPage({
  form,
  results,
  years,
}: {
  form: FormState;
  results: Results<AgreementResponse> | undefined;
  years: string[];
}) {
  const { t, href, formatNumber } = usePage();
  const any = t('agreements.filter.any');
  return (
    <>
      <h1>{t('agreements.list.title')}</h1>
      <p class="lead">{t('agreements.list.lead')}</p>
      <p>
        <a class="button button-primary" href={href('/agreements/new')}>
          {t('agreements.new')}
        </a>
      </p>
      <ErrorSummary form={form} />
      <FilterForm path="/agreements" submitLabel={t('agreements.filter.submit')}>
        <Select
          form={form}
          name="status"
          label={t('agreements.field.status')}
          blank={any}
          options={AGREEMENT_STATUSES.map((status) => ({
            value: status,
            label: t(`agreements.status.${status}`),
          }))}
        />
        <Select
          form={form}
          name="academicYear"
          label={t('agreements.field.academicYear')}
          blank={any}
          options={years.map((year) => ({ value: year, label: year }))}
        />
      </FilterForm>
      <ResultsTable
        title={t('agreements.list.results')}
        empty={t('agreements.list.none')}
        headings={[
          t('agreements.field.partner'),
          t('agreements.field.kind'),
          t('agreements.field.years'),
          t('agreements.field.places'),
          t('agreements.field.status'),
        ]}
        results={results}
        path="/agreements"
        form={form}
        row={(agreement) => (
          <tr>
            <td>
              <a href={href(`/agreements/${agreement.id}`)}>{agreement.partnerInstitution?.name}</a>
            </td>
            <td>{t(`agreements.kind.${agreement.kind}`)}</td>
            <td>
              {t('agreements.years', {
                first: agreement.firstAcademicYear,
                last: agreement.lastAcademicYear,
              })}
            </td>
            <td>
              {t('agreements.places', {
                outgoing: formatNumber(agreement.outgoingPlacesPerYear),
                incoming: formatNumber(agreement.incomingPlacesPerYear),
              })}
            </td>
            <td>
              <span class={`status status-${agreement.status}`}>
                {t(`agreements.status.${agreement.status}`)}
              </span>
            </td>
          </tr>
        )}
      />
    </>
  );
}
