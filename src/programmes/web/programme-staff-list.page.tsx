import { TERMS } from '../../common/domain.js';
import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Form, Select, SubmitButton, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';
import { PROGRAMME_STATUSES } from '../programme.entity.js';

function query(values: FormState['values'], cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of ['academicYear', 'term', 'status', 'q']) {
    const value = values[name];
    if (typeof value === 'string' && value) params.set(name, value);
  }
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

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
      <Form
        action={href('/manage/programmes')}
        method="get"
        class="filters"
        role="search"
        hx-get={href('/manage/programmes')}
        hx-target="#results"
        hx-select="#results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
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
        <div class="field">
          <SubmitButton>{t('programmes.staff.filter.submit')}</SubmitButton>
        </div>
      </Form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">{t('programmes.staff.list.results')}</h2>
        {!results || results.items.length === 0 ? (
          <p>{t('programmes.staff.list.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('programmes.staff.field.title')}</th>
                  <th scope="col">{t('programmes.staff.field.host')}</th>
                  <th scope="col">{t('programmes.staff.field.period')}</th>
                  <th scope="col">{t('programmes.staff.field.places')}</th>
                  <th scope="col">{t('programmes.staff.field.window')}</th>
                  <th scope="col">{t('programmes.staff.field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((programme) => (
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
                ))}
              </tbody>
            </table>
          </div>
        )}
        {results?.nextCursor ? (
          <p>
            <a href={href(`/manage/programmes${query(form.values, results.nextCursor)}`)}>
              {t('web.pager.next')}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
