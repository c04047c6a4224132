import { TERMS } from '../../common/domain.js';
import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Select, type FormState } from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';
import { PROGRAMME_STATUSES } from '../programme.entity.js';

export function ProgrammeStaffListPage({
  form,
  results,
  years,
}: {
  form: FormState;
  results: Results<ProgrammeResponse> | undefined;
  years: string[];
}) {
  const { t, href, formatDate, formatNumber } = usePage();
  const any = t('programmes.staff.filter.any');
  return (
    <>
      <h1>{t('programmes.staff.list.title')}</h1>
      <p class="lead">{t('programmes.staff.list.lead')}</p>
      <p>
        <a class="button button-primary" href={href('/manage/programmes/new')}>
          {t('programmes.staff.new')}
        </a>
      </p>
      <ErrorSummary form={form} />
      <FilterForm path="/manage/programmes" submitLabel={t('programmes.staff.filter.submit')}>
        <Select
          form={form}
          name="academicYear"
          label={t('programmes.staff.field.academicYear')}
          blank={any}
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={t('programmes.staff.field.term')}
          blank={any}
          options={TERMS.map((term) => ({ value: term, label: t(`programmes.staff.term.${term}`) }))}
        />
        <Select
          form={form}
          name="status"
          label={t('programmes.staff.field.status')}
          blank={any}
          options={PROGRAMME_STATUSES.map((status) => ({
            value: status,
            label: t(`programmes.staff.status.${status}`),
          }))}
        />
      </FilterForm>
      <ResultsTable
        title={t('programmes.staff.list.results')}
        empty={t('programmes.staff.list.none')}
        headings={[
          t('programmes.staff.field.title'),
          t('programmes.staff.field.host'),
          t('programmes.staff.field.period'),
          t('programmes.staff.field.places'),
          t('programmes.staff.field.window'),
          t('programmes.staff.field.status'),
        ]}
        results={results}
        path="/manage/programmes"
        form={form}
        row={(programme) => (
          <tr>
            <td>
              <a href={href(`/manage/programmes/${programme.id}`)}>{programme.title}</a>
            </td>
            <td>{programme.hostInstitution?.name}</td>
            <td>
              {programme.academicYear}, {t(`programmes.staff.term.${programme.term}`)}
            </td>
            <td>
              {t('programmes.staff.places', {
                taken: formatNumber(programme.placesTaken),
                places: formatNumber(programme.places),
                left: formatNumber(programme.placesLeft),
              })}
            </td>
            <td>
              {t('programmes.staff.window', {
                from: formatDate(programme.applicationOpensAt, 'medium'),
                to: formatDate(programme.applicationClosesAt, 'medium'),
              })}
              {programme.isOpen ? (
                <>
                  {' '}
                  <span class="status status-active">{t('programmes.staff.open')}</span>
                </>
              ) : null}
            </td>
            <td>
              <span class={`status status-${programme.status}`}>
                {t(`programmes.staff.status.${programme.status}`)}
              </span>
            </td>
          </tr>
        )}
      />
    </>
  );
}
