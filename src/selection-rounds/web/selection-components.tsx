import { Form, SubmitButton, TextArea, TextField, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type {
  ApplicationSelectionResponse,
  AssessmentResponse,
  ChoiceReasonResponse,
} from '../dto/selection-round.response.js';

/** One "why not" line of a better choice, in the visitor's language. */
export function ReasonText({ reason, title }: { reason: ChoiceReasonResponse; title: string }) {
  const { t, formatNumber } = usePage();
  const values = { rank: reason.rank, title };
  if (reason.reason === 'FULL') {
    return (
      <>
        {reason.cutoffScore === null
          ? t('rounds.reason.FULL.none', values)
          : t('rounds.reason.FULL', {
              ...values,
              cutoff: formatNumber(reason.cutoffScore, { maximumFractionDigits: 4 }),
            })}
      </>
    );
  }
  if (reason.reason === 'NOT_ELIGIBLE')
    return <>{t(`rounds.reason.NOT_ELIGIBLE.${reason.rule ?? 'faculty'}`, values)}</>;
  return <>{t('rounds.reason.NOT_IN_ROUND', values)}</>;
}

/**
 * The staff's motivation rating on the review page: the current rating, and for staff who may
 * rate a form (POST /review/:id/assessment) that works without JavaScript.
 */
export function AssessmentSection({
  applicationId,
  assessment,
  mayRate,
  form,
}: {
  applicationId: string;
  assessment: AssessmentResponse | null | undefined;
  mayRate: boolean;
  form: FormState;
}) {
  const { t, href, formatDate } = usePage();
  const values = {
    motivationRating: assessment ? String(assessment.motivationRating) : undefined,
    note: assessment?.note ?? undefined,
    ...form.values,
  };
  return (
    <section aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('rounds.assess.title')}</h2>
      <p>
        {assessment
          ? t('rounds.assess.current', {
              rating: assessment.motivationRating,
              date: formatDate(assessment.assessedAt, 'medium'),
            })
          : t('rounds.assess.none')}
      </p>
      {assessment?.note ? <p class="muted">{assessment.note}</p> : null}
      {mayRate ? (
        <Form action={href(`/review/${applicationId}/assessment`)} id="assessment">
          <TextField
            form={{ values, errors: form.errors }}
            name="motivationRating"
            label={t('rounds.assess.rating')}
            type="number"
            inputmode="numeric"
            width="short"
          />
          <TextArea
            form={{ values, errors: form.errors }}
            name="note"
            label={t('rounds.assess.note')}
            hint={t('rounds.assess.noteHint')}
            rows={3}
          />
          <SubmitButton variant="secondary">{t('rounds.assess.submit')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

/** On an application's page, once a round was committed: score, rank, outcome and why not each better choice. */
export function SelectionExplanation({
  selection,
  titles,
}: {
  selection: ApplicationSelectionResponse | null | undefined;
  /** Programme titles of the application's choices, by id. */
  titles: Record<string, string>;
}) {
  const { t, formatNumber } = usePage();
  if (!selection) return null;
  const outcome =
    selection.programmeId && selection.choiceRank !== null
      ? t('rounds.outcome.placed', { rank: selection.choiceRank, title: titles[selection.programmeId] ?? '' })
      : t('rounds.outcome.waitlisted');
  return (
    <section aria-labelledby="selection-title" class="selection">
      <h2 id="selection-title">{t('rounds.explain.title')}</h2>
      <p>
        {t('rounds.explain.result', {
          score: formatNumber(selection.score, { maximumFractionDigits: 4 }),
          rank: selection.rank,
          count: selection.applicationCount,
          outcome,
        })}
      </p>
      {selection.reasons.length > 0 ? (
        <>
          <p>{t('rounds.explain.reasons')}</p>
          <ul>
            {selection.reasons.map((reason) => (
              <li>
                <ReasonText reason={reason} title={reason.title} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
