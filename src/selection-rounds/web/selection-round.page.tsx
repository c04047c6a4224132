import { TERMS } from '../../common/domain.js';
import {
  Choices,
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { Page } from '../../common/pagination/pagination.js';
import { Pager } from '../../web/components/pager.js';
import type {
  RoundApplicationResponse,
  SelectionRoundResponse,
  SelectionRoundSummaryResponse,
} from '../dto/selection-round.response.js';
import { ReasonText } from './selection-components.js';

function Status({ status }: { status: string }) {
  const { t } = usePage();
  return (
    <span class={`status status-${status === 'committed' ? 'approved' : 'submitted'}`}>
      {t(`rounds.status.${status}`)}
    </span>
  );
}

/** The rounds, newest first, and the form of a new one (a preview). */
export function SelectionRoundsPage({
  rounds,
  form,
  years,
}: {
  rounds: SelectionRoundSummaryResponse[];
  form: FormState;
  years: string[];
}) {
  const { t, href, formatDateTime, formatNumber } = usePage();
  return (
    <>
      <h1>{t('rounds.list.title')}</h1>
      {rounds.length === 0 ? (
        <p>{t('rounds.list.none')}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rounds.list.period')}</th>
                <th scope="col">{t('rounds.list.status')}</th>
                <th scope="col">{t('rounds.list.placed')}</th>
                <th scope="col">{t('rounds.list.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => {
                const period = `${t(`programmes.term.${round.term}`)} ${round.academicYear}`;
                return (
                  <tr>
                    <th scope="row">
                      <a
                        href={href(`/selection-rounds/${round.id}`)}
                        aria-label={t('rounds.list.open', { period })}
                      >
                        {period}
                      </a>
                    </th>
                    <td>
                      <Status status={round.status} />
                    </td>
                    <td>
                      {formatNumber(round.placedCount)} / {formatNumber(round.applicationCount)}
                    </td>
                    <td>{formatDateTime(round.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="new-round-title">
        <h2 id="new-round-title">{t('rounds.new.title')}</h2>
        <p>{t('rounds.new.intro')}</p>
        <Form action={href('/selection-rounds')} id="new-round">
          <ErrorSummary form={form} />
          <TextField
            form={form}
            name="academicYear"
            label={t('rounds.field.academicYear')}
            hint={t('rounds.field.academicYearHint', { example: years[0] ?? '2026/2027' })}
            width="short"
          />
          <Select
            form={form}
            name="term"
            label={t('rounds.field.term')}
            options={TERMS.map((term) => ({ value: term, label: t(`programmes.term.${term}`) }))}
          />
          {(['grade', 'language', 'motivation'] as const).map((part) => (
            <TextField
              form={form}
              name={`weights.${part}`}
              label={t(`rounds.field.weight${part[0].toUpperCase()}${part.slice(1)}`)}
              hint={t('rounds.field.weightHint')}
              inputmode="decimal"
              width="short"
            />
          ))}
          <Choices
            form={form}
            name="allowUpgrades"
            label={t('rounds.field.allowUpgrades')}
            multiple
            options={[{ value: 'yes', label: t('rounds.field.allowUpgradesYes') }]}
          />
          <SubmitButton>{t('rounds.new.submit')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}

/** One round: the per-programme summary, the applications in order with outcome and reasons, the commit. */
export function SelectionRoundPage({
  round,
  results,
  cursor,
  mayCommit,
  form,
}: {
  round: SelectionRoundResponse;
  /** A page of the round's applications, in its order. */
  results: Page<RoundApplicationResponse>;
  /** The cursor of this page of results (none: the first). */
  cursor: string | undefined;
  mayCommit: boolean;
  form: FormState;
}) {
  const { t, href, formatDateTime, formatNumber } = usePage();
  const titles = Object.fromEntries(
    round.programmes.map((programme) => [programme.programmeId, programme.title]),
  );
  const score = (value: number | null) =>
    value === null ? t('rounds.show.none') : formatNumber(value, { maximumFractionDigits: 4 });
  const period = `${t(`programmes.term.${round.term}`)} ${round.academicYear}`;
  return (
    <>
      <p>
        <a href={href('/selection-rounds')}>{t('rounds.show.back')}</a>
      </p>
      <h1>{t('rounds.show.title', { period })}</h1>
      <p>
        <Status status={round.status} />{' '}
        {round.committedAt
          ? t('rounds.show.committedAt', { date: formatDateTime(round.committedAt) })
          : t('rounds.show.previewNote')}
      </p>
      <p>
        {t('rounds.show.weights', {
          grade: round.weights.grade,
          language: round.weights.language,
          motivation: round.weights.motivation,
        })}
      </p>
      <p>{t('rounds.show.counts', { placed: round.placedCount, count: round.applicationCount })}</p>
      <p class="muted">{t('rounds.show.seed', { seed: round.seed })}</p>

      {mayCommit && round.status === 'preview' ? (
        <section aria-labelledby="commit-title">
          <h2 id="commit-title">{t('rounds.commit.title')}</h2>
          <p>{t('rounds.commit.intro')}</p>
          <Form action={href(`/selection-rounds/${round.id}/commit`)} id="commit">
            <ErrorSummary form={form} />
            <Choices
              form={form}
              name="confirm"
              label={t('rounds.commit.confirm')}
              multiple
              options={[{ value: 'yes', label: t('rounds.commit.confirmYes') }]}
            />
            <SubmitButton variant="warning">{t('rounds.commit.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <h2>{t('rounds.show.summary')}</h2>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rounds.show.programme')}</th>
              <th scope="col">{t('rounds.show.places')}</th>
              <th scope="col">{t('rounds.show.capacity')}</th>
              <th scope="col">{t('rounds.show.taken')}</th>
              <th scope="col">{t('rounds.show.cutoff')}</th>
            </tr>
          </thead>
          <tbody>
            {round.programmes.map((programme) => (
              <tr>
                <th scope="row">
                  <a href={href(`/programmes/${programme.programmeId}`)}>{programme.title}</a>
                </th>
                <td>{formatNumber(programme.places)}</td>
                <td>{formatNumber(programme.capacity)}</td>
                <td>{formatNumber(programme.taken)}</td>
                <td>{score(programme.cutoffScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="results">{t('rounds.show.applications')}</h2>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rounds.show.rank')}</th>
              <th scope="col">{t('rounds.show.student')}</th>
              <th scope="col">{t('rounds.show.score')}</th>
              <th scope="col">{t('rounds.show.outcome')}</th>
              <th scope="col">{t('rounds.show.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {results.items.map((entry) => (
              <tr>
                <td>{formatNumber(entry.rank)}</td>
                <th scope="row">
                  <a href={href(`/review/${entry.applicationId}`)}>
                    {entry.student.firstName} {entry.student.lastName}
                  </a>
                </th>
                <td>{score(entry.score)}</td>
                <td>
                  {entry.programmeId && entry.choiceRank !== null
                    ? t('rounds.outcome.placed', {
                        rank: entry.choiceRank,
                        title: titles[entry.programmeId] ?? '',
                      })
                    : t('rounds.outcome.waitlisted')}
                </td>
                <td>
                  {entry.reasons.length === 0 ? (
                    t('rounds.show.none')
                  ) : (
                    <ul>
                      {entry.reasons.map((reason) => (
                        <li>
                          <ReasonText reason={reason} title={titles[reason.programmeId] ?? ''} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager path={`/selection-rounds/${round.id}`} query={{ cursor }} nextCursor={results.nextCursor} />
    </>
  );
}
