import type { Page as Results } from '../../common/pagination/pagination.js';
import { ErrorSummary, type FormState } from '../../web/components/forms.js';
import { ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import type { LaWaitingItem } from '../learning-agreements.service.js';

/** The learning agreements waiting for the visitor's signature (the office's or a partner's side). */
export function LearningAgreementQueuePage({
  results,
  form,
}: {
  results: Results<LaWaitingItem> | undefined;
  form: FormState;
}) {
  const { t, href, formatDateTime, user } = usePage();
  return (
    <>
      <h1>{t('learningAgreements.queue.title')}</h1>
      <p class="lead">
        {t(
          user?.role === 'partner'
            ? 'learningAgreements.queue.lead.partner'
            : 'learningAgreements.queue.lead.office',
        )}
      </p>
      <ErrorSummary form={form} />
      <ResultsTable
        title={t('learningAgreements.queue.results')}
        empty={t('learningAgreements.queue.none')}
        headings={[
          t('learningAgreements.queue.student'),
          t('learningAgreements.queue.host'),
          t('learningAgreements.queue.period'),
          t('learningAgreements.queue.version'),
          t('learningAgreements.queue.since'),
        ]}
        results={results}
        path="/learning-agreements"
        form={form}
        row={(item) => (
          <tr>
            <td>
              <a href={href(`/outgoing/${item.mobilityId}/learning-agreement`)}>{item.studentName}</a>
            </td>
            <td>{item.hostName}</td>
            <td>
              {t('outgoing.period', { year: item.academicYear, term: t(`programmes.term.${item.term}`) })}
            </td>
            <td class="numeric">{item.versionNumber}</td>
            <td>{formatDateTime(item.createdAt)}</td>
          </tr>
        )}
      />
    </>
  );
}
