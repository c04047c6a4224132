import { CEFR_LEVELS } from '../../common/domain.js';
import type { ProgrammeResponse } from '../../programmes/dto/programme.response.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextArea,
  TextField,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import { MAX_CHOICES, MOTIVATION_MAX, MOTIVATION_MIN, canTransition } from '../application-state.js';
import type { ApplicationEventResponse, ApplicationResponse } from '../dto/application.response.js';
import type { OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import type { ChecklistItem } from './submission-checklist.js';
import { SelectionExplanation } from '../../selection-rounds/web/selection-components.js';

/** Languages offered in the form, named in the page's language. */
export const FORM_LANGUAGES = [
  'en',
  'fr',
  'nl',
  'de',
  'es',
  'it',
  'ru',
  'kk',
  'tr',
  'zh',
  'ar',
  'pt',
  'pl',
  'ja',
];
export const LANGUAGE_ROWS = 3;

function Status({ status }: { status: string }) {
  const { t } = usePage();
  return <span class={`status status-${status}`}>{t(`applications.status.${status}`)}</span>;
}

export function MyApplicationsPage({ applications }: { applications: ApplicationResponse[] }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('applications.mine.title')}</h1>
      <p>
        <a class="button button-primary" href={href('/applications/new')}>
          {t('applications.mine.new')}
        </a>
      </p>
      {applications.length === 0 ? (
        <p>{t('applications.mine.none')}</p>
      ) : (
        <ul class="cards">
          {applications.map((application) => (
            <li class="card">
              <h2>
                <a href={href(`/applications/${application.id}`)}>
                  {t(`programmes.term.${application.term}`)} {application.academicYear}
                </a>
              </h2>
              <p>
                <Status status={application.status} />
              </p>
              <ol>
                {application.choices.map((choice) => (
                  <li>{choice.title}</li>
                ))}
              </ol>
              <p>
                <strong>{t('applications.nextStep')}:</strong> {t(`applications.next.${application.status}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ApplicationFormPage({
  form,
  programmes,
  action,
  title,
  version,
}: {
  form: FormState;
  programmes: ProgrammeResponse[];
  action: string;
  title: string;
  version?: number;
}) {
  const { t, href, languageName } = usePage();
  const options = programmes.map((programme) => ({
    value: programme.id,
    label: `${programme.title} (${t(`programmes.term.${programme.term}`)} ${programme.academicYear})`,
  }));
  return (
    <>
      <h1>{title}</h1>
      <p class="lead">{t('applications.form.lead')}</p>
      <ErrorSummary form={form} />
      <Form action={href(action)}>
        {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : null}
        <fieldset>
          <legend>
            <h2>{t('applications.form.choices')}</h2>
          </legend>
          <p class="hint">{t('applications.form.choicesHint', { max: MAX_CHOICES })}</p>
          {Array.from({ length: MAX_CHOICES }, (_, index) => (
            <Select
              form={form}
              name={`choice${index + 1}`}
              label={t('applications.form.choice', { rank: index + 1 })}
              blank={index === 0 ? t('applications.form.choose') : t('applications.form.noChoice')}
              options={options}
            />
          ))}
        </fieldset>
        <TextField
          form={form}
          name="gradeAverage"
          label={`${t('applications.field.grade')} ${t('web.form.optional')}`}
          hint={t('applications.field.gradeHint')}
          inputmode="decimal"
          width="short"
        />
        <fieldset>
          <legend>
            <h2>{t('applications.form.languages')}</h2>
          </legend>
          <p class="hint">{t('applications.form.languagesHint')}</p>
          {Array.from({ length: LANGUAGE_ROWS }, (_, index) => (
            <div class="language-row">
              <Select
                form={form}
                name={`language${index + 1}`}
                label={t('applications.form.language', { n: index + 1 })}
                blank={t('applications.form.noLanguage')}
                options={FORM_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
              />
              <Select
                form={form}
                name={`level${index + 1}`}
                label={t('applications.form.level', { n: index + 1 })}
                blank={t('applications.form.noLevel')}
                options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))}
              />
            </div>
          ))}
        </fieldset>
        <TextArea
          form={form}
          name="motivation"
          label={t('applications.field.motivation')}
          hint={t('applications.field.motivationHint', { min: MOTIVATION_MIN, max: MOTIVATION_MAX })}
          rows={10}
        />
        <SubmitButton>{t('applications.form.save')}</SubmitButton>
      </Form>
      <p>
        <a href={href('/applications')}>{t('applications.back')}</a>
      </p>
    </>
  );
}

export function ApplicationPage({
  application,
  checklist,
  events,
  form,
  mobility,
  now,
}: {
  application: ApplicationResponse;
  checklist: ChecklistItem[] | undefined;
  events: ApplicationEventResponse[];
  form: FormState;
  /** The outgoing mobility a confirmed application became. */
  mobility?: OutgoingResponse;
  now: Date;
}) {
  const { t, href, formatDateTime, formatNumber, languageName, user } = usePage();
  const format = (item: ChecklistItem) =>
    Object.fromEntries(
      Object.entries(item.values).map(([name, value]) => [
        name,
        value instanceof Date
          ? formatDateTime(value)
          : name === 'language' && value
            ? languageName(String(value))
            : value,
      ]),
    );
  const isDraft = application.status === 'draft';
  const ready = checklist?.every((item) => item.ok) ?? false;
  const isOwn = user?.id === application.student.id;
  return (
    <>
      <h1>
        {t('applications.show.title', {
          term: t(`programmes.term.${application.term}`),
          year: application.academicYear,
        })}
      </h1>
      <ErrorSummary form={form} />
      <p>
        {t('applications.field.status')}: <Status status={application.status} />
      </p>
      <p>
        <strong>{t('applications.nextStep')}:</strong> {t(`applications.next.${application.status}`)}
      </p>
      {application.decisionComment ? (
        <p>
          {t('applications.field.decisionComment')}: {application.decisionComment}
        </p>
      ) : null}

      <h2>{t('applications.form.choices')}</h2>
      <ol>
        {application.choices.map((choice) => (
          <li>
            <a href={href(`/programmes/${choice.programmeId}`)}>{choice.title}</a>
            {application.placedProgrammeId === choice.programmeId ? ` – ${t('applications.placedHere')}` : ''}
          </li>
        ))}
      </ol>
      <SelectionExplanation
        selection={application.selection}
        titles={Object.fromEntries(application.choices.map((choice) => [choice.programmeId, choice.title]))}
      />
      <dl class="facts">
        <dt>{t('applications.field.grade')}</dt>
        <dd>
          {application.gradeAverage === null
            ? '–'
            : formatNumber(application.gradeAverage, { maximumFractionDigits: 2 })}
        </dd>
        <dt>{t('applications.form.languages')}</dt>
        <dd>
          {application.languageSkills.length === 0
            ? '–'
            : application.languageSkills
                .map((skill) => `${languageName(skill.language)} ${skill.cefrLevel}`)
                .join(', ')}
        </dd>
      </dl>
      <h2>{t('applications.field.motivation')}</h2>
      <p class="article-body motivation">{application.motivation ?? '–'}</p>

      {isDraft && checklist && isOwn ? (
        <section aria-labelledby="checklist-title">
          <h2 id="checklist-title">{t('applications.check.title')}</h2>
          <ul class="checklist">
            {checklist.map((item) => (
              <li class={item.ok ? 'ok' : 'blocked'}>
                <span class="visually-hidden">
                  {item.ok ? t('applications.check.done') : t('applications.check.blocks')}
                </span>
                {t(item.key, format(item))}
              </li>
            ))}
          </ul>
          <div class="button-row">
            <a class="button button-secondary" href={href(`/applications/${application.id}/edit`)}>
              {t('applications.edit')}
            </a>
            {ready ? (
              <Form action={href(`/applications/${application.id}/submit`)}>
                <SubmitButton>{t('applications.submit')}</SubmitButton>
              </Form>
            ) : (
              <p class="muted">{t('applications.check.notReady')}</p>
            )}
          </div>
        </section>
      ) : null}

      {isOwn && application.status === 'approved' ? (
        <PlaceAnswer application={application} form={form} now={now} />
      ) : null}
      {mobility ? <MobilitySummary mobility={mobility} /> : null}

      {isOwn && canTransition(application.status, 'withdrawn') ? (
        <p>
          <a href={href(`/applications/${application.id}/withdraw`)}>{t('applications.withdraw')}</a>
        </p>
      ) : null}

      <h2>{t('applications.timeline')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li>
            <strong>{formatDateTime(event.at)}</strong>:{' '}
            {event.fromStatus
              ? t('applications.event.moved', {
                  from: t(`applications.status.${event.fromStatus}`),
                  to: t(`applications.status.${event.toStatus}`),
                })
              : t('applications.event.created')}{' '}
            {t('applications.event.by', { name: `${event.actor.firstName} ${event.actor.lastName}` })}
            {event.comment ? <p class="muted">{event.comment}</p> : null}
          </li>
        ))}
      </ol>
      <p>
        <a href={href('/applications')}>{t('applications.back')}</a>
      </p>
    </>
  );
}

export function WithdrawPage({ application, form }: { application: ApplicationResponse; form: FormState }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('applications.withdraw.title')}</h1>
      <ErrorSummary form={form} />
      <p class="lead">
        {t('applications.withdraw.warning', {
          term: t(`programmes.term.${application.term}`),
          year: application.academicYear,
        })}
      </p>
      {application.status === 'approved' ? <p>{t('applications.withdraw.placeFreed')}</p> : null}
      <Form action={href(`/applications/${application.id}/withdraw`)}>
        <TextArea
          form={form}
          name="comment"
          label={`${t('applications.withdraw.comment')} ${t('web.form.optional')}`}
          rows={4}
        />
        <div class="button-row">
          <SubmitButton variant="warning">{t('applications.withdraw.confirm')}</SubmitButton>
          <a href={href(`/applications/${application.id}`)}>{t('applications.withdraw.cancel')}</a>
        </div>
      </Form>
    </>
  );
}

/** The approved place: the deadline, confirm (with EWP's two optional facts) or decline. */
function PlaceAnswer({
  application,
  form,
  now,
}: {
  application: ApplicationResponse;
  form: FormState;
  now: Date;
}) {
  const { t, href, formatDateTime } = usePage();
  const deadline = application.confirmationDeadline;
  const open = !deadline || new Date(deadline).getTime() > now.getTime();
  return (
    <section aria-labelledby="place-title" class="card">
      <h2 id="place-title">{t('applications.place.title')}</h2>
      {deadline ? (
        <p>
          <strong>
            {t(open ? 'applications.place.deadline' : 'applications.place.closed', {
              deadline: formatDateTime(deadline),
            })}
          </strong>
        </p>
      ) : null}
      {open ? (
        <>
          <p>{t('applications.place.intro')}</p>
          <Form action={href(`/applications/${application.id}/confirm`)}>
            <TextField
              form={form}
              name="birthDate"
              type="date"
              width="medium"
              label={t('applications.place.birthDate')}
              hint={t('applications.place.birthDateHint')}
            />
            <TextField
              form={form}
              name="citizenship"
              width="short"
              autocomplete="country"
              label={t('applications.place.citizenship')}
              hint={t('applications.place.citizenshipHint')}
            />
            <div class="button-row">
              <SubmitButton>{t('applications.place.confirm')}</SubmitButton>
              <a href={href(`/applications/${application.id}/decline`)}>{t('applications.place.decline')}</a>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}

/** What the confirmed place became: the mobility as nominated to the host, and where it stands. */
function MobilitySummary({ mobility }: { mobility: OutgoingResponse }) {
  const { t, href, formatDate } = usePage();
  return (
    <section aria-labelledby="mobility-title">
      <h2 id="mobility-title">{t('applications.mobility.title')}</h2>
      <dl class="facts">
        <dt>{t('applications.mobility.host')}</dt>
        <dd>{mobility.receivingInstitution.name}</dd>
        <dt>{t('applications.mobility.status')}</dt>
        <dd>
          <span class={`status status-${mobility.status}`}>{t(`outgoing.status.${mobility.status}`)}</span>
        </dd>
        <dt>{t('applications.mobility.answer')}</dt>
        <dd>
          {t(`outgoing.verification.${mobility.verification.status}`)}
          {mobility.verification.comment ? ` – ${mobility.verification.comment}` : ''}
        </dd>
        <dt>{t('applications.mobility.stay')}</dt>
        <dd>
          {t('applications.mobility.stayValue', {
            from: formatDate(mobility.actualArrival ?? mobility.plannedArrival),
            to: formatDate(mobility.actualDeparture ?? mobility.plannedDeparture),
          })}
        </dd>
      </dl>
      <p>
        <a href={href(`/outgoing/${mobility.id}/learning-agreement`)}>{t('learningAgreements.link')}</a>
      </p>
    </section>
  );
}

/** Declining asks once more: the place goes to another student. */
export function DeclinePage({ application, form }: { application: ApplicationResponse; form: FormState }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('applications.decline.title')}</h1>
      <ErrorSummary form={form} />
      <p class="lead">{t('applications.decline.warning')}</p>
      <Form action={href(`/applications/${application.id}/decline`)}>
        <TextArea form={form} name="comment" label={t('applications.decline.comment')} rows={4} />
        <div class="button-row">
          <SubmitButton variant="warning">{t('applications.decline.confirm')}</SubmitButton>
          <a href={href(`/applications/${application.id}`)}>{t('applications.decline.cancel')}</a>
        </div>
      </Form>
    </>
  );
}
