import type { AgreementResponse } from '../../agreements/dto/agreement.response.js';
import type { Page as ResultPage } from '../../common/pagination/pagination.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  type FormState,
} from '../../web/components/forms.js';
import { Pager } from '../../web/components/pager.js';
import { usePage } from '../../web/page-context.js';
import type { FacultyResponse } from '../dto/faculty.response.js';
import type { InstitutionResponse } from '../dto/institution.response.js';

export function InstitutionListPage({
  form,
  results,
  countries,
}: {
  form: FormState;
  results: ResultPage<InstitutionResponse> | undefined;
  countries: string[];
}) {
  const { t, href, countryName } = usePage();
  const query = Object.fromEntries(
    Object.entries(form.values).map(([name, value]) => [name, [value ?? []].flat()[0]]),
  );
  return (
    <>
      <h1>{t('institutions.list.title')}</h1>
      <p class="lead">{t('institutions.list.lead')}</p>
      <ErrorSummary form={form} />
      <Form
        action={href('/institutions')}
        method="get"
        class="filters"
        role="search"
        aria-label={t('institutions.list.filters')}
      >
        <TextField form={form} name="q" type="search" label={t('institutions.list.words')} />
        <Select
          form={form}
          name="countryCode"
          label={t('institutions.field.country')}
          blank={t('institutions.list.anyCountry')}
          options={countries.map((code) => ({ value: code, label: countryName(code) }))}
        />
        <div>
          <SubmitButton>{t('institutions.list.submit')}</SubmitButton>
        </div>
      </Form>
      {results && results.items.length > 0 ? (
        <ul class="cards">
          {results.items.map((institution) => (
            <li class="card">
              <h2>
                <a href={href(`/institutions/${institution.id}`)}>{institution.name}</a>
              </h2>
              <p class="muted">
                {institution.city}, {countryName(institution.countryCode)}
                {institution.isHome ? ` · ${t('institutions.home')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('institutions.list.none')}</p>
      )}
      {results ? <Pager path="/institutions" query={query} nextCursor={results.nextCursor} /> : null}
    </>
  );
}

export function InstitutionPage({
  institution,
  faculties,
  agreements,
}: {
  institution: InstitutionResponse;
  faculties: FacultyResponse[];
  agreements: AgreementResponse[];
}) {
  const { t, href, countryName, languageName } = usePage();
  return (
    <>
      <h1>{institution.name}</h1>
      <dl class="facts">
        <dt>{t('institutions.field.place')}</dt>
        <dd>
          {institution.city}, {countryName(institution.countryCode)}
        </dd>
        {institution.abbreviation ? (
          <>
            <dt>{t('institutions.field.abbreviation')}</dt>
            <dd>{institution.abbreviation}</dd>
          </>
        ) : null}
        {institution.website ? (
          <>
            <dt>{t('institutions.field.website')}</dt>
            <dd>
              <a href={institution.website} rel="noopener noreferrer">
                {institution.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('institutions.field.erasmusCode')}</dt>
        <dd>{institution.erasmusCode ?? t('institutions.noErasmusCode')}</dd>
      </dl>

      <h2>{t('institutions.faculties')}</h2>
      {faculties.length === 0 ? (
        <p>{t('institutions.noFaculties')}</p>
      ) : (
        <ul>
          {faculties.map((faculty) => (
            <li>
              {faculty.name} ({faculty.code})
            </li>
          ))}
        </ul>
      )}

      {institution.isHome ? null : (
        <>
          <h2>{t('institutions.agreements')}</h2>
          {agreements.length === 0 ? (
            <p>{t('institutions.noAgreements')}</p>
          ) : (
            <div class="table-wrap" tabindex={0}>
              <table>
                <caption class="muted">{t('institutions.agreements.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('institutions.agreement.kind')}</th>
                    <th scope="col">{t('institutions.agreement.years')}</th>
                    <th scope="col">{t('institutions.agreement.places')}</th>
                    <th scope="col">{t('institutions.agreement.language')}</th>
                  </tr>
                </thead>
                <tbody>
                  {agreements.map((agreement) => (
                    <tr>
                      <td>{t(`institutions.agreement.kind.${agreement.kind}`)}</td>
                      <td>
                        {agreement.firstAcademicYear} – {agreement.lastAcademicYear}
                      </td>
                      <td>
                        {t('institutions.agreement.placesValue', {
                          outgoing: agreement.outgoingPlacesPerYear,
                          incoming: agreement.incomingPlacesPerYear,
                          months: agreement.monthsPerMobility,
                        })}
                      </td>
                      <td>
                        {agreement.languageRequirement
                          ? `${languageName(agreement.languageRequirement.language)} ${agreement.languageRequirement.cefrLevel}`
                          : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <p>
        <a href={href(`/programmes`)}>{t('institutions.programmes')}</a> ·{' '}
        <a href={href('/institutions')}>{t('institutions.back')}</a>
      </p>
    </>
  );
}
