import { TERMS } from '../../common/domain.js';
import type { Page as ResultPage } from '../../common/pagination/pagination.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import { QUEUE_COUNT_CAP, QUEUE_STATUSES, type QueueStatus } from '../application-state.js';
import type { ApplicationResponse } from '../dto/application.response.js';

/** htmx: the next page replaces the "more" link in place; results in place after filtering. */
const HX_RESULTS = {
  'hx-target': '#results',
  'hx-select': '#results',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
};

/** The queue's address with these filters (and a cursor, for the next page). */
export function queueLink(href: (path: string) => string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `${href('/review')}${search ? `?${search}` : ''}`;
}

/** Rows of the queue; the "more" row loads the next page in its place (a plain link without JS). */
export function QueueRows({
  results,
  query,
}: {
  results: ResultPage<ApplicationResponse>;
  query: Record<string, string | undefined>;
}) {
  const { t, href, formatDate } = usePage();
  return (
    <>
      {results.items.map((application) => (
        <li class="card">
          <h3>
            <a href={href(`/review/${application.id}`)}>
              {application.student.firstName} {application.student.lastName}
            </a>{' '}
            <span class={`status status-${application.status}`}>
              {t(`review.status.${application.status}`)}
            </span>
          </h3>
          <dl class="facts">
            <dt>{t('review.field.period')}</dt>
            <dd>
              {t(`review.term.${application.term}`)} {application.academicYear}
            </dd>
            <dt>{t('review.queue.choices')}</dt>
            <dd>{application.choices.map((choice) => `${choice.rank}. ${choice.title}`).join(' · ')}</dd>
            <dt>{t('review.queue.submitted')}</dt>
            <dd>{application.submittedAt ? formatDate(application.submittedAt, 'medium') : ''}</dd>
          </dl>
        </li>
      ))}
      {results.nextCursor ? (
        <li class="more" id="queue-more">
          <a
            href={queueLink(href, { ...query, cursor: results.nextCursor })}
            rel="next"
            hx-get={queueLink(href, { ...query, cursor: results.nextCursor })}
            hx-target="#queue-more"
            hx-select="#queue-list > li"
            hx-swap="outerHTML"
          >
            {t('review.queue.more')}
          </a>
        </li>
      ) : null}
    </>
  );
}

export function ReviewQueuePage({
  form,
  results,
  counts,
  years,
  programmes,
}: {
  form: FormState;
  results: ResultPage<ApplicationResponse> | undefined;
  counts: Record<QueueStatus, number> | undefined;
  years: string[];
  programmes: Array<{ id: string; title: string }>;
}) {
  const { t, href } = usePage();
  const query = Object.fromEntries(
    Object.entries(form.values)
      .filter(([name]) => name !== 'cursor')
      .map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
  return (
    <>
      <h1>{t('review.queue.title')}</h1>
      <ErrorSummary form={form} />
      <Form
        action={href('/review')}
        method="get"
        class="filters"
        role="search"
        aria-label={t('review.queue.filters')}
        hx-get={href('/review')}
        {...HX_RESULTS}
      >
        <TextField form={form} name="q" type="search" label={t('review.queue.words')} />
        <Select
          form={form}
          name="academicYear"
          label={t('review.field.academicYear')}
          blank={t('review.queue.any')}
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={t('review.field.term')}
          blank={t('review.queue.any')}
          options={TERMS.map((term) => ({ value: term, label: t(`review.term.${term}`) }))}
        />
        <Select
          form={form}
          name="programmeId"
          label={t('review.field.programme')}
          blank={t('review.queue.any')}
          options={programmes.map((programme) => ({ value: programme.id, label: programme.title }))}
        />
        <Select
          form={form}
          name="status"
          label={t('review.field.status')}
          blank={t('review.queue.any')}
          options={QUEUE_STATUSES.map((status) => ({ value: status, label: t(`review.status.${status}`) }))}
        />
        <SubmitButton>{t('review.queue.submit')}</SubmitButton>
      </Form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">{t('review.queue.results')}</h2>
        {counts ? (
          <section aria-labelledby="counts-title">
            <h3 id="counts-title">{t('review.queue.counts')}</h3>
            <ul class="status-counts">
              {QUEUE_STATUSES.map((status) => (
                <li>
                  <a href={queueLink(href, { ...query, status })}>
                    {t(
                      counts[status] > QUEUE_COUNT_CAP
                        ? 'review.queue.statusCountMore'
                        : 'review.queue.statusCount',
                      {
                        status: t(`review.status.${status}`),
                        count: Math.min(counts[status], QUEUE_COUNT_CAP),
                      },
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {results && results.items.length > 0 ? (
          <ul class="cards" id="queue-list">
            <QueueRows results={results} query={query} />
          </ul>
        ) : (
          <p>{t('review.queue.none')}</p>
        )}
      </section>
    </>
  );
}
