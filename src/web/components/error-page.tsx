import { usePage } from '../page-context.js';

/** The body of an error page: what happened, in the page's language, and where to go next. */
export function ErrorPage({
  status,
  requestId,
  sentence,
}: {
  status: number;
  requestId?: string;
  sentence?: string;
}) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t(`web.errorPage.${status}.title`)}</h1>
      <p>{sentence ?? t(`web.errorPage.${status}.text`)}</p>
      {requestId ? <p class="hint">{t('web.errorPage.reference', { id: requestId })}</p> : null}
      <p>
        <a href={href('')}>{t('web.errorPage.home')}</a>
      </p>
    </>
  );
}
