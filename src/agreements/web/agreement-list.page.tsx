import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, Form, Select, SubmitButton, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import { AGREEMENT_STATUSES } from '../agreement.entity.js';
import type { AgreementResponse } from '../dto/agreement.response.js';

function query(values: FormState['values'], cursor: string): string {
  const params = new URLSearchParams();
  for (const name of ['status', 'academicYear']) {
    const value = values[name];
    if (typeof value === 'string' && value) params.set(name, value);
  }
  params.set('cursor', cursor);
  return `?${params.toString()}`;
}

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
      <Form
        action={href('/agreements')}
        method="get"
        class="filters"
        role="search"
        hx-get={href('/agreements')}
        hx-target="#results"
        hx-select="#results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
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
        <div class="field">
          <SubmitButton>{t('agreements.filter.submit')}</SubmitButton>
        </div>
      </Form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">{t('agreements.list.results')}</h2>
        {!results || results.items.length === 0 ? (
          <p>{t('agreements.list.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('agreements.field.partner')}</th>
                  <th scope="col">{t('agreements.field.kind')}</th>
                  <th scope="col">{t('agreements.field.years')}</th>
                  <th scope="col">{t('agreements.field.places')}</th>
                  <th scope="col">{t('agreements.field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((agreement) => (
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
                ))}
              </tbody>
            </table>
          </div>
        )}
        {results?.nextCursor ? (
          <p>
            <a href={href(`/agreements${query(form.values, results.nextCursor)}`)}>{t('web.pager.next')}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}
