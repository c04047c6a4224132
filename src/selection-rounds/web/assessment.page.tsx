import { ErrorSummary, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import { AssessmentSection } from './selection-components.js';

/** The rating form again with its problems, when a rating sent from the review page was refused. */
export function AssessmentPage({ applicationId, form }: { applicationId: string; form: FormState }) {
  const { t, href } = usePage();
  return (
    <>
      <p>
        <a href={href(`/review/${applicationId}`)}>{t('review.application.back')}</a>
      </p>
      <h1>{t('rounds.assess.title')}</h1>
      <ErrorSummary form={form} />
      <AssessmentSection applicationId={applicationId} assessment={null} mayRate form={form} />
    </>
  );
}
