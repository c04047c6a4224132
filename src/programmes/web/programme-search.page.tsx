import { TERMS } from '../../common/domain.js';
import type { Page as ResultPage } from '../../common/pagination/pagination.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  Choices,
  type FormState,
} from '../../web/components/forms.js';
import { Pager } from '../../web/components/pager.js';
import { usePage } from '../../web/page-context.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';

/** In-place results with htmx; the same form and links work as plain GETs. */
const HX_RESULTS = {
  'hx-target': '#results',
  'hx-select': '#results',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
};

export function ProgrammeList({ programmes }: { programmes: ProgrammeResponse[] }) {
  const { t, href, formatDate, formatDateTime, countryName } = usePage();
  return (
    <ul class="cards">
      {programmes.map((programme) => (
        <li class="card">
          <h3>
            <a href={href(`/programmes/${programme.id}`)}>{programme.title}</a>
          </h3>
          <p class="muted">
            {programme.hostInstitution
              ? `${programme.hostInstitution.name} · ${programme.hostInstitution.city}, ${countryName(programme.hostInstitution.countryCode)}`
              : null}
          </p>
          <dl class="facts">
            <dt>{t('programmes.field.period')}</dt>
            <dd>
              {t(`programmes.term.${programme.term}`)} {programme.academicYear} (
              {formatDate(programme.startDate, 'medium')} – {formatDate(programme.endDate, 'medium')})
            </dd>
            <dt>{t('programmes.field.placesLeft')}</dt>
            <dd>{t('programmes.placesLeft', { count: programme.placesLeft, total: programme.places })}</dd>
            <dt>{t('programmes.field.deadline')}</dt>
            <dd>
              {formatDateTime(programme.applicationClosesAt)}{' '}
              {programme.isOpen ? (
                <span class="status status-active">{t('programmes.open')}</span>
              ) : (
                <span class="status">{t('programmes.closed')}</span>
              )}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function ProgrammeSearchPage({
  form,
  results,
  years,
  countries,
}: {
  form: FormState;
  results: ResultPage<ProgrammeResponse> | undefined;
  years: string[];
  countries: string[];
}) {
  const { t, href, countryName } = usePage();
  const query = Object.fromEntries(
    Object.entries(form.values).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
  return (
    <>
      <h1>{t('programmes.search.title')}</h1>
      <ErrorSummary form={form} />
      <Form
        action={href('/programmes')}
        method="get"
        class="filters"
        role="search"
        aria-label={t('programmes.search.filters')}
        hx-get={href('/programmes')}
        hx-trigger="submit, change"
        {...HX_RESULTS}
      >
        <div class="field-wide">
          <TextField form={form} name="q" type="search" label={t('programmes.search.words')} />
        </div>
        <Select
          form={form}
          name="academicYear"
          label={t('programmes.field.academicYear')}
          blank={t('programmes.search.any')}
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={t('programmes.field.term')}
          blank={t('programmes.search.any')}
          options={TERMS.map((term) => ({ value: term, label: t(`programmes.term.${term}`) }))}
        />
        <Select
          form={form}
          name="countryCode"
          label={t('programmes.field.country')}
          blank={t('programmes.search.any')}
          options={countries.map((code) => ({ value: code, label: countryName(code) }))}
        />
        <Choices
          form={form}
          name="open"
          label={t('programmes.search.openLegend')}
          multiple
          options={[{ value: 'true', label: t('programmes.search.openNow') }]}
        />
        <div>
          <SubmitButton>{t('programmes.search.submit')}</SubmitButton>
        </div>
      </Form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">{t('programmes.search.results')}</h2>
        {results && results.items.length > 0 ? (
          <ProgrammeList programmes={results.items} />
        ) : (
          <p>{t('programmes.search.none')}</p>
        )}
        {results ? (
          <Pager path="/programmes" query={query} nextCursor={results.nextCursor} {...HX_RESULTS} />
        ) : null}
      </section>
    </>
  );
}
