import { CEFR_LEVELS } from '../../common/domain.js';
import type { ProgrammeResponse } from '../../programmes/dto/programme.response.js';
import {
  Choices,
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextArea,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import { AssessmentSection, SelectionExplanation } from '../../selection-rounds/web/selection-components.js';
import { canTransition } from '../application-state.js';
import type { ApplicationEventResponse, ApplicationResponse } from '../dto/application.response.js';

/** What the staff page of one application shows and lets an advisor do. */
export interface ReviewView {
  application: ApplicationResponse;
  /** The choices' programmes as they are now (places left), first wish first; null if gone. */
  programmes: Array<ProgrammeResponse | null>;
  events: ApplicationEventResponse[];
  /** Advisors and admins decide and verify; coordinators only read. */
  mayDecide: boolean;
}

function Languages({ view }: { view: ReviewView }) {
  const { t, href, formatDate } = usePage();
  const { application } = view;
  const awaiting = canTransition(application.status, 'approved');
  if (application.languageSkills.length === 0) return <p>{t('review.languages.none')}</p>;
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('review.languages.language')}</th>
            <th scope="col">{t('review.languages.declared')}</th>
            <th scope="col">{t('review.languages.current')}</th>
            <th scope="col">{t('review.languages.state')}</th>
          </tr>
        </thead>
        <tbody>
          {application.languageSkills.map((skill, index) => (
            <tr>
              <th scope="row">{skill.language}</th>
              <td>{skill.declaredLevel}</td>
              <td>{skill.cefrLevel}</td>
              <td>
                {skill.status === 'verified' && skill.verifiedAt
                  ? t('review.languages.stateVerified', { date: formatDate(skill.verifiedAt, 'medium') })
                  : t('review.languages.stateDeclared')}
                {view.mayDecide && awaiting ? (
                  <Form
                    action={href(`/review/${application.id}/language-skills/${index}`)}
                    class="verify-form"
                  >
                    <Select
                      form={{ values: { [`cefrLevel.${index}`]: skill.cefrLevel }, errors: [] }}
                      name={`cefrLevel.${index}`}
                      label={t('review.languages.verifyLevel', { language: skill.language })}
                      options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))}
                    />
                    <SubmitButton variant="secondary">
                      {t('review.languages.verify', { language: skill.language })}
                    </SubmitButton>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DecisionForm({ view, form }: { view: ReviewView; form: FormState }) {
  const { t, href } = usePage();
  const { application } = view;
  if (!canTransition(application.status, 'approved') && !canTransition(application.status, 'rejected')) {
    return <p>{t('review.decision.closed', { status: t(`review.status.${application.status}`) })}</p>;
  }
  return (
    <Form action={href(`/review/${application.id}/decision`)} id="decision">
      <ErrorSummary form={form} />
      <Choices
        form={form}
        name="outcome"
        label={t('review.decision.outcome')}
        options={[
          { value: 'approve', label: t('review.decision.approve') },
          { value: 'waitlist', label: t('review.decision.waitlist') },
          { value: 'reject', label: t('review.decision.reject') },
        ]}
      />
      <Select
        form={form}
        name="programmeId"
        label={t('review.decision.programme')}
        blank={t('review.decision.bestChoice')}
        options={application.choices.map((choice) => ({
          value: choice.programmeId,
          label: `${choice.rank}. ${choice.title}`,
        }))}
      />
      <TextArea
        form={form}
        name="comment"
        label={t('review.decision.comment')}
        hint={t('review.decision.commentHint')}
        rows={4}
      />
      <SubmitButton>{t('review.decision.submit')}</SubmitButton>
    </Form>
  );
}

export function ReviewPage({
  view,
  decision,
  verify,
}: {
  view: ReviewView;
  decision: FormState;
  verify?: FormState;
}) {
  const { t, href, formatDateTime, formatNumber } = usePage();
  const { application } = view;
  const name = `${application.student.firstName} ${application.student.lastName}`;
  return (
    <>
      <p>
        <a href={href('/review')}>{t('review.application.back')}</a>
      </p>
      <h1>{t('review.application.title', { name })}</h1>
      <dl class="facts">
        <dt>{t('review.field.status')}</dt>
        <dd>
          <span class={`status status-${application.status}`}>
            {t(`review.status.${application.status}`)}
          </span>
        </dd>
        <dt>{t('review.field.email')}</dt>
        <dd>{application.student.email}</dd>
        <dt>{t('review.field.period')}</dt>
        <dd>
          {t(`review.term.${application.term}`)} {application.academicYear}
        </dd>
        <dt>{t('review.field.grade')}</dt>
        <dd>
          {application.gradeAverage === null
            ? t('review.application.noGrade')
            : formatNumber(application.gradeAverage, { maximumFractionDigits: 2 })}
        </dd>
        {application.decisionComment ? (
          <>
            <dt>{t('review.application.decisionComment')}</dt>
            <dd>{application.decisionComment}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('review.application.choices')}</h2>
      <ol class="cards">
        {application.choices.map((choice, index) => {
          const programme = view.programmes[index];
          return (
            <li class="card">
              <h3>
                {t('review.application.rank', { rank: choice.rank })}:{' '}
                <a href={href(`/programmes/${choice.programmeId}`)}>{choice.title}</a>
              </h3>
              {programme ? (
                <p class="places-left">
                  {t('review.application.placesLeft', {
                    count: programme.placesLeft,
                    total: programme.places,
                  })}
                </p>
              ) : null}
              {application.placedProgrammeId === choice.programmeId ? (
                <p>
                  <span class="status status-approved">{t('review.application.placed')}</span>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>

      <h2>{t('review.languages.title')}</h2>
      {verify ? <ErrorSummary form={verify} /> : null}
      <Languages view={view} />

      <h2>{t('review.field.motivation')}</h2>
      {application.motivation ? (
        <p class="motivation">{application.motivation}</p>
      ) : (
        <p class="muted">{t('review.application.noMotivation')}</p>
      )}

      <AssessmentSection
        applicationId={application.id}
        assessment={application.assessment}
        mayRate
        form={{ values: {}, errors: [] }}
      />
      <SelectionExplanation
        selection={application.selection}
        titles={Object.fromEntries(application.choices.map((choice) => [choice.programmeId, choice.title]))}
      />

      {view.mayDecide ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t('review.decision.title')}</h2>
          <DecisionForm view={view} form={decision} />
        </section>
      ) : null}

      <h2>{t('review.timeline.title')}</h2>
      <ol class="timeline">
        {view.events.map((event) => (
          <li>
            <strong>
              {t('review.timeline.step', {
                status: t(`review.status.${event.toStatus}`),
                name: `${event.actor.firstName} ${event.actor.lastName}`,
              })}
            </strong>
            <br />
            <span class="muted">{formatDateTime(event.at)}</span>
            {event.comment ? <p>{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
