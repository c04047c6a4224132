import {
  ErrorSummary,
  Form,
  SubmitButton,
  TextField,
  formState,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { IncomingEventResponse, IncomingResponse } from '../dto/incoming.response.js';
import type { IncomingStatus } from '../incoming-state.js';

/** Moves that record the day they happened. */
const DATED: ReadonlySet<IncomingStatus> = new Set(['arrived', 'departed']);

function MoveForm({
  mobility,
  to,
  form,
}: {
  mobility: IncomingResponse;
  to: IncomingStatus;
  form: FormState;
}) {
  const { t, href } = usePage();
  return (
    <Form action={href(`/incoming/${mobility.id}/transition`)} class="card">
      <h3>{t(`incoming.move.${to}`)}</h3>
      <input type="hidden" name="to" value={to} />
      {DATED.has(to) ? (
        <TextField
          form={form}
          name={`${to}-date`}
          type="date"
          label={t('incoming.field.date')}
          hint={t('incoming.field.dateHint')}
          width="medium"
        />
      ) : null}
      <TextField form={form} name={`${to}-comment`} label={t('incoming.field.comment')} />
      <SubmitButton variant={to === 'cancelled' ? 'warning' : 'primary'}>
        {t(`incoming.move.${to}`)}
      </SubmitButton>
    </Form>
  );
}

export function IncomingPage({
  mobility,
  events,
  attempt,
}: {
  mobility: IncomingResponse;
  events: IncomingEventResponse[];
  /** The move just tried and refused, with its errors and what was typed. */
  attempt?: { to: IncomingStatus; form: FormState };
}) {
  const { t, href, formatDate, formatDateTime } = usePage();
  const none = t('incoming.none');
  const day = (value: string | null) => (value ? formatDate(value) : none);
  return (
    <>
      <p>
        <a href={href('/incoming')}>{t('incoming.back')}</a>
      </p>
      <h1>
        {mobility.firstName} {mobility.lastName}
      </h1>
      <p>
        <span class={`status status-${mobility.status}`}>{t(`incoming.status.${mobility.status}`)}</span>
      </p>
      {attempt ? <ErrorSummary form={attempt.form} /> : null}
      <dl class="facts">
        <dt>{t('incoming.field.email')}</dt>
        <dd>{mobility.email}</dd>
        <dt>{t('incoming.field.partner')}</dt>
        <dd>{mobility.homeInstitution?.name}</dd>
        <dt>{t('incoming.field.faculty')}</dt>
        <dd>{mobility.hostFaculty?.name}</dd>
        <dt>{t('incoming.field.academicYear')}</dt>
        <dd>{mobility.academicYear}</dd>
        <dt>{t('incoming.field.term')}</dt>
        <dd>{t(`incoming.term.${mobility.term}`)}</dd>
        <dt>{t('incoming.field.plannedArrival')}</dt>
        <dd>{day(mobility.plannedArrival)}</dd>
        <dt>{t('incoming.field.plannedDeparture')}</dt>
        <dd>{day(mobility.plannedDeparture)}</dd>
        <dt>{t('incoming.field.actualArrival')}</dt>
        <dd>{day(mobility.actualArrival)}</dd>
        <dt>{t('incoming.field.actualDeparture')}</dt>
        <dd>{day(mobility.actualDeparture)}</dd>
        <dt>{t('incoming.field.notes')}</dt>
        <dd>{mobility.notes || none}</dd>
      </dl>
      <section aria-labelledby="next-step">
        <h2 id="next-step">{t('incoming.move.title')}</h2>
        {mobility.allowedTransitions.length === 0 ? (
          <p>{t('incoming.move.none')}</p>
        ) : (
          mobility.allowedTransitions.map((to) => (
            <MoveForm mobility={mobility} to={to} form={attempt?.to === to ? attempt.form : formState()} />
          ))
        )}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t('incoming.history.title')}</h2>
        <ol class="timeline">
          {events.map((event) => (
            <li>
              <strong>
                {event.fromStatus
                  ? t('incoming.history.step', {
                      from: t(`incoming.status.${event.fromStatus}`),
                      to: t(`incoming.status.${event.toStatus}`),
                    })
                  : t(`incoming.status.${event.toStatus}`)}
              </strong>
              {event.date ? <> {t('incoming.history.on', { date: formatDate(event.date) })}</> : null}
              <br />
              <span class="muted">
                {formatDateTime(event.at)}
                {event.actor
                  ? ` – ${t('incoming.history.by', { name: `${event.actor.firstName} ${event.actor.lastName}` })}`
                  : ''}
              </span>
              {event.comment ? <p>{event.comment}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
