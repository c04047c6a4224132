import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, TextField, type FormState } from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import type { InstitutionResponse } from '../dto/institution.response.js';

export function InstitutionStaffListPage({
  form,
  results,
}: {
  form: FormState;
  results: Results<InstitutionResponse> | undefined;
}) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('institutions.staff.list.title')}</h1>
      <p class="lead">{t('institutions.staff.list.lead')}</p>
      <p>
        <a class="button button-primary" href={href('/manage/institutions/new')}>
          {t('institutions.staff.new')}
        </a>
      </p>
      <ErrorSummary form={form} />
      <FilterForm path="/manage/institutions" submitLabel={t('institutions.staff.search.submit')}>
        <TextField form={form} name="q" type="search" label={t('institutions.staff.search')} />
      </FilterForm>
      <ResultsTable
        title={t('institutions.staff.list.results')}
        empty={t('institutions.staff.list.none')}
        headings={[
          t('institutions.staff.field.name'),
          t('institutions.staff.field.city'),
          t('institutions.staff.field.country'),
          t('institutions.staff.field.schacCode'),
          t('institutions.staff.field.erasmusCode'),
        ]}
        results={results}
        path="/manage/institutions"
        form={form}
        row={(institution) => (
          <tr>
            <td>
              <a href={href(`/manage/institutions/${institution.id}`)}>{institution.name}</a>
              {institution.isHome ? <span class="muted"> ({t('institutions.staff.home')})</span> : null}
            </td>
            <td>{institution.city}</td>
            <td>{institution.countryCode}</td>
            <td>{institution.schacCode}</td>
            <td>{institution.erasmusCode ?? ''}</td>
          </tr>
        )}
      />
    </>
  );
}
