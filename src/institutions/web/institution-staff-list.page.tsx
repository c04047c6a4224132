import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../web/components/forms.js';
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
  const q = typeof form.values.q === 'string' ? form.values.q : '';
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
      <Form action={href('/manage/institutions')} method="get" class="filters" role="search">
        <TextField form={form} name="q" type="search" label={t('institutions.staff.search')} />
        <div class="field">
          <SubmitButton>{t('institutions.staff.search.submit')}</SubmitButton>
        </div>
      </Form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">{t('institutions.staff.list.results')}</h2>
        {!results || results.items.length === 0 ? (
          <p>{t('institutions.staff.list.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('institutions.staff.field.name')}</th>
                  <th scope="col">{t('institutions.staff.field.city')}</th>
                  <th scope="col">{t('institutions.staff.field.country')}</th>
                  <th scope="col">{t('institutions.staff.field.schacCode')}</th>
                  <th scope="col">{t('institutions.staff.field.erasmusCode')}</th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((institution) => (
                  <tr>
                    <td>
                      <a href={href(`/manage/institutions/${institution.id}`)}>{institution.name}</a>
                      {institution.isHome ? (
                        <span class="muted"> ({t('institutions.staff.home')})</span>
                      ) : null}
                    </td>
                    <td>{institution.city}</td>
                    <td>{institution.countryCode}</td>
                    <td>{institution.schacCode}</td>
                    <td>{institution.erasmusCode ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {results?.nextCursor ? (
          <p>
            <a
              href={href(
                `/manage/institutions?${new URLSearchParams({ ...(q ? { q } : {}), cursor: results.nextCursor }).toString()}`,
              )}
            >
              {t('web.pager.next')}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
