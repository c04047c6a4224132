import { usePage } from '../../web/page-context.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';

export function ProgrammePage({
  programme,
  facultyNames,
}: {
  programme: ProgrammeResponse;
  facultyNames: string[];
}) {
  const { t, href, user, formatDate, formatDateTime, countryName, languageName } = usePage();
  const host = programme.hostInstitution;
  const applyPath = `/applications/new?programme=${programme.id}`;
  return (
    <>
      <h1>{programme.title}</h1>
      {host ? (
        <p class="lead">
          <a href={href(`/institutions/${host.id}`)}>{host.name}</a> · {host.city},{' '}
          {countryName(host.countryCode)}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('programmes.field.period')}</dt>
        <dd>
          {t(`programmes.term.${programme.term}`)} {programme.academicYear}
        </dd>
        <dt>{t('programmes.field.dates')}</dt>
        <dd>
          {formatDate(programme.startDate)} – {formatDate(programme.endDate)}
        </dd>
        <dt>{t('programmes.field.window')}</dt>
        <dd>
          {formatDateTime(programme.applicationOpensAt)} – {formatDateTime(programme.applicationClosesAt)}{' '}
          {programme.isOpen ? (
            <span class="status status-active">{t('programmes.open')}</span>
          ) : (
            <span class="status">{t('programmes.closed')}</span>
          )}
        </dd>
        <dt>{t('programmes.field.placesLeft')}</dt>
        <dd>{t('programmes.placesLeft', { count: programme.placesLeft, total: programme.places })}</dd>
      </dl>

      <h2>{t('programmes.eligibility.title')}</h2>
      <ul>
        <li>
          {facultyNames.length === 0
            ? t('programmes.eligibility.allFaculties')
            : t('programmes.eligibility.faculties', { faculties: facultyNames.join(', ') })}
        </li>
        <li>
          {programme.minLanguageLevel
            ? programme.languageOfInstruction
              ? t('programmes.eligibility.language', {
                  level: programme.minLanguageLevel,
                  language: languageName(programme.languageOfInstruction),
                })
              : t('programmes.eligibility.anyLanguage', { level: programme.minLanguageLevel })
            : t('programmes.eligibility.noLanguage')}
        </li>
      </ul>

      <h2>{t('programmes.description')}</h2>
      <p class="article-body">{programme.description}</p>

      {programme.isOpen ? (
        !user ? (
          <p>
            <a
              class="button button-primary"
              href={href(`/sign-in?next=${encodeURIComponent(href(applyPath))}`)}
            >
              {t('programmes.apply.signIn')}
            </a>
          </p>
        ) : user.role === 'student' ? (
          <p>
            <a class="button button-primary" href={href(applyPath)}>
              {t('programmes.apply')}
            </a>
          </p>
        ) : null
      ) : (
        <p class="muted">{t('programmes.apply.closed')}</p>
      )}
      <p>
        <a href={href('/programmes')}>{t('programmes.back')}</a>
      </p>
    </>
  );
}
