import { APPLICATION_STATUSES } from '../../applications/application-state.js';
import { OUTGOING_STATUSES } from '../../outgoing/outgoing-state.js';
import type { ProgrammeResponse } from '../../programmes/dto/programme.response.js';
import { ErrorSummary, Form, Select, SubmitButton, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { StatsOverviewResponse } from '../dto/stats-overview.response.js';
import { BarChart } from './bar-chart.js';

export function StatsPage({
  form,
  years,
  overview,
  programmes = [],
}: {
  form: FormState;
  years: string[];
  overview?: StatsOverviewResponse;
  programmes?: ProgrammeResponse[];
}) {
  const { t, href, formatNumber } = usePage();
  const year = typeof form.values.academicYear === 'string' ? form.values.academicYear : '';
  const yearOptions = [...new Set([...years, ...(overview ? [overview.academicYear] : [])])]
    .sort()
    .map((value) => ({ value, label: value }));
  return (
    <>
      <h1>{overview ? t('stats.title', { year: overview.academicYear }) : t('stats.menu')}</h1>
      <p class="lead">{t('stats.lead')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/stats')} method="get" class="filters">
        <Select form={form} name="academicYear" label={t('stats.year')} options={yearOptions} />
        <div class="field">
          <SubmitButton>{t('stats.show')}</SubmitButton>
        </div>
      </Form>
      {overview ? (
        <>
          <dl class="facts">
            <dt>{t('stats.summary.applications')}</dt>
            <dd>{formatNumber(overview.outgoing.total)}</dd>
            <dt>{t('stats.summary.places')}</dt>
            <dd>
              {t('stats.summary.placesValue', {
                taken: formatNumber(overview.outgoing.places.taken),
                offered: formatNumber(overview.outgoing.places.offered),
              })}
            </dd>
            <dt>{t('stats.summary.mobilities')}</dt>
            <dd>{formatNumber(overview.outgoingMobilities.total)}</dd>
            <dt>{t('stats.summary.incoming')}</dt>
            <dd>{formatNumber(overview.incoming.total)}</dd>
            <dt>{t('stats.summary.onCampus')}</dt>
            <dd>{formatNumber(overview.incoming.onCampusToday)}</dd>
          </dl>
          <BarChart
            id="chart-applications"
            title={t('stats.applications.title')}
            description={t('stats.applications.desc', { total: overview.outgoing.total, year })}
            rows={APPLICATION_STATUSES.map((status) => ({
              label: t(`stats.status.${status}`),
              value: overview.outgoing.byStatus[status] ?? 0,
            }))}
            labelHeader={t('stats.col.status')}
            valueHeader={t('stats.col.count')}
            empty={t('stats.empty')}
          />
          <BarChart
            id="chart-places"
            title={t('stats.places.title')}
            description={t('stats.places.desc', { year })}
            rows={programmes.map((programme) => ({
              label: programme.title,
              value: programme.placesTaken,
              total: programme.places,
            }))}
            labelHeader={t('stats.col.programme')}
            valueHeader={t('stats.col.taken')}
            totalHeader={t('stats.col.places')}
            empty={t('stats.empty')}
          />
          <section aria-labelledby="mobilities-title">
            <h2 id="mobilities-title">{t('stats.mobilities.title')}</h2>
            <p>{t('stats.mobilities.desc', { year })}</p>
            {overview.outgoingMobilities.byHostInstitution.length === 0 ? (
              <p>{t('stats.empty')}</p>
            ) : (
              <div class="table-wrap" tabindex={0} role="region" aria-labelledby="mobilities-title">
                <table id="table-mobilities">
                  <thead>
                    <tr>
                      <th scope="col">{t('stats.col.host')}</th>
                      {OUTGOING_STATUSES.map((status) => (
                        <th scope="col">{t(`outgoing.status.${status}`)}</th>
                      ))}
                      <th scope="col">{t('stats.col.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.outgoingMobilities.byHostInstitution.map((host) => (
                      <tr data-institution={host.institutionId}>
                        <th scope="row">{host.name}</th>
                        {OUTGOING_STATUSES.map((status) => (
                          <td>{formatNumber(host.byStatus[status] ?? 0)}</td>
                        ))}
                        <td>{formatNumber(host.total)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <BarChart
            id="chart-incoming"
            title={t('stats.incoming.title')}
            description={t('stats.incoming.desc', { total: overview.incoming.total, year })}
            rows={overview.incoming.byHomeInstitution.map((institution) => ({
              label: institution.name,
              value: institution.total,
            }))}
            labelHeader={t('stats.col.partner')}
            valueHeader={t('stats.col.students')}
            empty={t('stats.empty')}
          />
        </>
      ) : null}
    </>
  );
}
