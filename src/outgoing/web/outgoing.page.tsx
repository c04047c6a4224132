import {
  ErrorSummary,
  Form,
  SubmitButton,
  TextField,
  formState,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type {
  OutgoingEventResponse,
  OutgoingInstitutionSummary,
  OutgoingResponse,
} from '../dto/outgoing.response.js';
import type { OutgoingStatus } from '../outgoing-state.js';

/** Moves that record the day they happened (arrival, return). */
const DATED: ReadonlySet<OutgoingStatus> = new Set(['live', 'recognized']);

function MoveForm({
  mobility,
  to,
  form,
}: {
  mobility: OutgoingResponse;
  to: OutgoingStatus;
  form: FormState;
}) {
  const { t, href } = usePage();
  return (
    <Form action={href(`/outgoing/${mobility.id}/transition`)} class="card">
      <h3>{t(`outgoing.move.${to}`)}</h3>
      <input type="hidden" name="to" value={to} />
      {DATED.has(to) ? (
        <TextField
          form={form}
          name={`${to}-date`}
          type="date"
          label={t('outgoing.field.date')}
          hint={t('outgoing.field.dateHint')}
          width="medium"
        />
      ) : null}
      <TextField form={form} name={`${to}-comment`} label={t('outgoing.field.comment')} />
      <SubmitButton variant={to === 'cancelled' ? 'warning' : 'primary'}>
        {t(`outgoing.move.${to}`)}
      </SubmitButton>
    </Form>
  );
}

/** An institution with its SCHAC code, as EWP names it. */
export function institutionLabel(t: (key: string, values?: { name: string; schac: string }) => string) {
  return (institution: OutgoingInstitutionSummary) =>
    t('outgoing.field.institutionValue', { name: institution.name, schac: institution.schacCode });
}

/** The EWP fields of a mobility, as a list of facts (the coordinator's and the partner's pages). */
export function OutgoingFacts({ mobility }: { mobility: OutgoingResponse }) {
  const { t, formatDate, languageName } = usePage();
  const none = t('outgoing.none');
  const day = (value: string | null) => (value ? formatDate(value) : none);
  const named = institutionLabel(t);
  return (
    <>
      <h2>{t('outgoing.section.student')}</h2>
      <dl class="facts">
        <dt>{t('outgoing.field.student')}</dt>
        <dd>
          {mobility.student.firstName} {mobility.student.lastName}
        </dd>
        <dt>{t('outgoing.field.email')}</dt>
        <dd>{mobility.student.email}</dd>
        <dt>{t('outgoing.field.globalId')}</dt>
        <dd>
          <code>{mobility.student.globalId}</code>
        </dd>
        <dt>{t('outgoing.field.birthDate')}</dt>
        <dd>{day(mobility.student.birthDate)}</dd>
        <dt>{t('outgoing.field.citizenship')}</dt>
        <dd>{mobility.student.citizenship ?? none}</dd>
      </dl>
      <h2>{t('outgoing.section.institutions')}</h2>
      <dl class="facts">
        <dt>{t('outgoing.field.sending')}</dt>
        <dd>{named(mobility.sendingInstitution)}</dd>
        <dt>{t('outgoing.field.sendingFaculty')}</dt>
        <dd>
          {mobility.sendingFaculty
            ? `${mobility.sendingFaculty.name} (${mobility.sendingFaculty.code})`
            : none}
        </dd>
        <dt>{t('outgoing.field.receiving')}</dt>
        <dd>{named(mobility.receivingInstitution)}</dd>
        <dt>{t('outgoing.field.receivingFaculty')}</dt>
        <dd>
          {mobility.receivingFaculty
            ? `${mobility.receivingFaculty.name} (${mobility.receivingFaculty.code})`
            : none}
        </dd>
        <dt>{t('outgoing.field.agreement')}</dt>
        <dd>{mobility.agreementId ? <code>{mobility.agreementId}</code> : none}</dd>
      </dl>
      <h2>{t('outgoing.section.stay')}</h2>
      <dl class="facts">
        <dt>{t('outgoing.field.programme')}</dt>
        <dd>{mobility.programmeTitle}</dd>
        <dt>{t('outgoing.field.period')}</dt>
        <dd>
          {t('outgoing.period', { year: mobility.academicYear, term: t(`programmes.term.${mobility.term}`) })}
        </dd>
        <dt>{t('outgoing.field.ewpTermId')}</dt>
        <dd>
          <code>{mobility.ewpTermId}</code>
        </dd>
        <dt>{t('outgoing.field.planned')}</dt>
        <dd>
          {t('outgoing.range', { from: day(mobility.plannedArrival), to: day(mobility.plannedDeparture) })}
        </dd>
        <dt>{t('outgoing.field.actual')}</dt>
        <dd>
          {mobility.actualArrival
            ? t('outgoing.range', { from: day(mobility.actualArrival), to: day(mobility.actualDeparture) })
            : none}
        </dd>
        <dt>{t('outgoing.field.eqfLevel')}</dt>
        <dd>{mobility.eqfLevel ?? none}</dd>
        <dt>{t('outgoing.field.subjectArea')}</dt>
        <dd>{mobility.subjectArea ?? none}</dd>
        <dt>{t('outgoing.field.language')}</dt>
        <dd>
          {mobility.language
            ? `${languageName(mobility.language)}${mobility.cefrLevel ? ` ${mobility.cefrLevel}` : ''}`
            : none}
        </dd>
      </dl>
    </>
  );
}

/** The mobility's history, oldest step first: status changes and the host's answer. */
export function OutgoingTimeline({ events }: { events: OutgoingEventResponse[] }) {
  const { t, formatDate, formatDateTime } = usePage();
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('outgoing.history.title')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li>
            <strong>
              {event.verification
                ? t('outgoing.history.answer', { answer: t(`outgoing.verification.${event.verification}`) })
                : event.fromStatus
                  ? t('outgoing.history.step', {
                      from: t(`outgoing.status.${event.fromStatus}`),
                      to: t(`outgoing.status.${event.toStatus}`),
                    })
                  : t(`outgoing.status.${event.toStatus}`)}
            </strong>
            {event.date ? <> {t('outgoing.history.on', { date: formatDate(event.date) })}</> : null}
            <br />
            <span class="muted">
              {formatDateTime(event.at)} –{' '}
              {t('outgoing.history.by', { name: `${event.actor.firstName} ${event.actor.lastName}` })}
            </span>
            {event.comment ? <p>{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One outgoing mobility for the office: its EWP fields, the host's answer, the next steps, the history. */
export function OutgoingPage({
  mobility,
  events,
  byAgreement = false,
  canMove,
  attempt,
}: {
  mobility: OutgoingResponse;
  events: OutgoingEventResponse[];
  /** The mobility has a learning agreement: its recognition records `recognized`, not a button. */
  byAgreement?: boolean;
  /** The visitor moves mobilities along (the office); an advisor reads the steps, without forms. */
  canMove: boolean;
  /** The move just tried and refused, with its errors and what was typed. */
  attempt?: { to: OutgoingStatus; form: FormState };
}) {
  const { t, href } = usePage();
  // Going live waits for the host's acceptance: the form is offered once it can succeed.
  const waiting = mobility.allowedTransitions.includes('live') && mobility.verification.status !== 'verified';
  const recognizedByAgreement = byAgreement && mobility.allowedTransitions.includes('recognized');
  const moves = mobility.allowedTransitions.filter(
    (to) => !(to === 'live' && waiting) && !(to === 'recognized' && recognizedByAgreement),
  );
  return (
    <>
      <p>
        <a href={href('/outgoing')}>{t('outgoing.back')}</a>
      </p>
      <h1>
        {mobility.student.firstName} {mobility.student.lastName}
      </h1>
      <p>
        <span class={`status status-${mobility.status}`}>{t(`outgoing.status.${mobility.status}`)}</span>{' '}
        {t(`outgoing.verification.${mobility.verification.status}`)}
        {mobility.verification.comment ? ` – ${mobility.verification.comment}` : ''}
      </p>
      <p class="button-row">
        <a href={href(`/outgoing/${mobility.id}/learning-agreement`)}>{t('learningAgreements.link')}</a>
        <a href={href(`/outgoing/${mobility.id}/ewp.xml`)}>{t('outgoing.ewp')}</a>
      </p>
      {attempt ? <ErrorSummary form={attempt.form} /> : null}
      <OutgoingFacts mobility={mobility} />
      <section aria-labelledby="next-step">
        <h2 id="next-step">{t('outgoing.move.title')}</h2>
        {mobility.allowedTransitions.length === 0 ? <p>{t('outgoing.move.none')}</p> : null}
        {waiting ? <p>{t('outgoing.move.waiting')}</p> : null}
        {recognizedByAgreement ? <p>{t('outgoing.move.byAgreement')}</p> : null}
        {canMove ? (
          moves.map((to) => (
            <MoveForm mobility={mobility} to={to} form={attempt?.to === to ? attempt.form : formState()} />
          ))
        ) : moves.length > 0 ? (
          <p>{t('outgoing.move.officeOnly')}</p>
        ) : null}
      </section>
      <OutgoingTimeline events={events} />
    </>
  );
}
