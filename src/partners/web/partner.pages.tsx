import { TERMS } from '../../common/domain.js';
import type { Page } from '../../common/pagination/pagination.js';
import type { IncomingResponse } from '../../incoming/dto/incoming.response.js';
import type { OutgoingEventResponse, OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { OutgoingFacts, OutgoingTimeline } from '../../outgoing/web/outgoing.page.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextArea,
  TextField,
  type FormState,
  type Option,
} from '../../web/components/forms.js';
import { Pager } from '../../web/components/pager.js';
import { usePage } from '../../web/page-context.js';

/**
 * A partner coordinator's home: the home institution's students nominated to their institution
 * (to accept or reject), their own students nominated to the home institution, and the way to
 * nominate another.
 */
export function PartnerHomePage({
  institution,
  received: receivedPage,
  sent: sentPage,
  cursors,
}: {
  institution: string;
  received: Page<OutgoingResponse>;
  sent: Page<IncomingResponse>;
  /** Where each list is (its cursor), so that paging one keeps the other. */
  cursors: { received?: string; sent?: string };
}) {
  const received = receivedPage.items;
  const sent = sentPage.items;
  const { t, href, formatDate } = usePage();
  const period = (year: string, term: string) =>
    t('outgoing.period', { year, term: t(`programmes.term.${term}`) });
  return (
    <>
      <h1>{t('partner.title')}</h1>
      <p class="lead">{t('partner.lead', { institution })}</p>
      <section aria-labelledby="received-title">
        <h2 id="received-title">{t('partner.received.title')}</h2>
        {received.length === 0 ? (
          <p>{t('partner.received.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0} role="region" aria-labelledby="received-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('partner.field.student')}</th>
                  <th scope="col">{t('partner.field.period')}</th>
                  <th scope="col">{t('partner.field.status')}</th>
                  <th scope="col">{t('partner.field.answer')}</th>
                  <th scope="col">{t('learningAgreements.link')}</th>
                </tr>
              </thead>
              <tbody>
                {received.map((mobility) => (
                  <tr>
                    <td>
                      <a href={href(`/partner/nominations/${mobility.id}`)}>
                        {mobility.student.firstName} {mobility.student.lastName}
                      </a>
                    </td>
                    <td>{period(mobility.academicYear, mobility.term)}</td>
                    <td>{t(`outgoing.status.${mobility.status}`)}</td>
                    <td>
                      {mobility.verification.status === 'pending' && mobility.status === 'nomination' ? (
                        <a href={href(`/partner/nominations/${mobility.id}`)}>
                          {t('partner.received.toAnswer')}
                        </a>
                      ) : (
                        t(`outgoing.verification.${mobility.verification.status}`)
                      )}
                    </td>
                    <td>
                      <a href={href(`/outgoing/${mobility.id}/learning-agreement`)}>
                        {t('learningAgreements.open', {
                          name: `${mobility.student.firstName} ${mobility.student.lastName}`,
                        })}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager path="/partner" query={cursors} nextCursor={receivedPage.nextCursor} cursorParam="received" />
      </section>
      <section aria-labelledby="sent-title">
        <h2 id="sent-title">{t('partner.sent.title')}</h2>
        <p>
          <a class="button button-primary" href={href('/partner/nominate')}>
            {t('partner.nominate')}
          </a>
        </p>
        {sent.length === 0 ? (
          <p>{t('partner.sent.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0} role="region" aria-labelledby="sent-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('partner.field.student')}</th>
                  <th scope="col">{t('partner.field.period')}</th>
                  <th scope="col">{t('partner.field.plannedArrival')}</th>
                  <th scope="col">{t('partner.field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {sent.map((mobility) => (
                  <tr>
                    <td>
                      {mobility.firstName} {mobility.lastName}
                    </td>
                    <td>{period(mobility.academicYear, mobility.term)}</td>
                    <td>{formatDate(mobility.plannedArrival, 'medium')}</td>
                    <td>{t(`incoming.status.${mobility.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager path="/partner" query={cursors} nextCursor={sentPage.nextCursor} cursorParam="sent" />
      </section>
    </>
  );
}

/** One nomination to the partner's institution: its EWP fields, the answer forms, the history. */
export function PartnerNominationPage({
  mobility,
  events,
  faculties,
  form,
}: {
  mobility: OutgoingResponse;
  events: OutgoingEventResponse[];
  faculties: Option[];
  form: FormState;
}) {
  const { t, href } = usePage();
  const open = mobility.status === 'nomination' && mobility.verification.status === 'pending';
  return (
    <>
      <p>
        <a href={href('/partner')}>{t('partner.back')}</a>
      </p>
      <h1>
        {mobility.student.firstName} {mobility.student.lastName}
      </h1>
      <p>
        <a href={href(`/outgoing/${mobility.id}/learning-agreement`)}>{t('learningAgreements.link')}</a>
      </p>
      <ErrorSummary form={form} />
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{t('partner.answer.title')}</h2>
        {open ? (
          <>
            <Form action={href(`/partner/nominations/${mobility.id}/verification`)} class="card">
              <input type="hidden" name="outcome" value="verified" />
              {faculties.length > 0 ? (
                <Select
                  form={form}
                  name="receivingFacultyId"
                  label={t('partner.verify.faculty')}
                  blank=""
                  options={faculties}
                />
              ) : null}
              <TextField form={form} name="verified-comment" label={t('partner.verify.comment')} />
              <SubmitButton>{t('partner.verify')}</SubmitButton>
            </Form>
            <Form action={href(`/partner/nominations/${mobility.id}/verification`)} class="card">
              <input type="hidden" name="outcome" value="rejected" />
              <TextArea
                form={form}
                name="rejected-comment"
                label={t('partner.reject.reason')}
                hint={t('partner.reject.reasonHint')}
                rows={3}
              />
              <SubmitButton variant="warning">{t('partner.reject')}</SubmitButton>
            </Form>
          </>
        ) : (
          <p>
            {t('partner.answer.done', { answer: t(`outgoing.verification.${mobility.verification.status}`) })}
            {mobility.verification.comment ? ` – ${mobility.verification.comment}` : ''}
          </p>
        )}
      </section>
      <OutgoingFacts mobility={mobility} />
      <OutgoingTimeline events={events} />
    </>
  );
}

/** A partner nominates one of their students to the home institution (an incoming mobility). */
export function NominatePage({
  form,
  faculties,
  years,
}: {
  form: FormState;
  faculties: Option[];
  years: string[];
}) {
  const { t, href } = usePage();
  return (
    <>
      <p>
        <a href={href('/partner')}>{t('partner.back')}</a>
      </p>
      <h1>{t('partner.nominate')}</h1>
      <p class="lead">{t('partner.nominate.lead')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/partner/nominate')}>
        <TextField form={form} name="firstName" label={t('partner.field.firstName')} />
        <TextField form={form} name="lastName" label={t('partner.field.lastName')} />
        <TextField form={form} name="email" type="email" label={t('partner.field.email')} />
        <Select
          form={form}
          name="hostFacultyId"
          label={t('partner.field.hostFaculty')}
          blank=""
          options={faculties}
        />
        <Select
          form={form}
          name="academicYear"
          label={t('partner.field.academicYear')}
          blank=""
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={t('partner.field.term')}
          blank=""
          options={TERMS.map((term) => ({ value: term, label: t(`programmes.term.${term}`) }))}
        />
        <TextField
          form={form}
          name="plannedArrival"
          type="date"
          width="medium"
          label={t('partner.field.plannedArrival')}
        />
        <TextField
          form={form}
          name="plannedDeparture"
          type="date"
          width="medium"
          label={t('partner.field.plannedDeparture')}
        />
        <TextArea form={form} name="notes" label={t('partner.field.notes')} rows={3} />
        <SubmitButton>{t('partner.nominate')}</SubmitButton>
      </Form>
    </>
  );
}
