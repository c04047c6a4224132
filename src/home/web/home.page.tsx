import type { NewsArticle } from '../../news/news-article.entity.js';
import type { ProgrammeResponse } from '../../programmes/dto/programme.response.js';
import { usePage } from '../../web/page-context.js';

export function HomePage({ calls, news }: { calls: ProgrammeResponse[]; news: NewsArticle[] }) {
  const { t, href, formatDate, formatDateTime, user } = usePage();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {!user ? (
        <p class="button-row">
          <a class="button button-primary" href={href('/register')}>
            {t('home.register')}
          </a>
          <a href={href('/sign-in')}>{t('web.signIn')}</a>
        </p>
      ) : null}
      <section aria-labelledby="open-calls">
        <h2 id="open-calls">{t('home.calls.title')}</h2>
        {calls.length === 0 ? (
          <p>{t('home.calls.none')}</p>
        ) : (
          <ul class="cards">
            {calls.map((call) => (
              <li class="card">
                <h3>
                  <a href={href(`/programmes/${call.id}`)}>{call.title}</a>
                </h3>
                <p class="muted">{call.hostInstitution?.name}</p>
                <dl class="facts">
                  <dt>{t('home.calls.placesLeft')}</dt>
                  <dd>{t('home.calls.places', { count: call.placesLeft, total: call.places })}</dd>
                  <dt>{t('home.calls.deadline')}</dt>
                  <dd>{formatDateTime(call.applicationClosesAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={href('/programmes')}>{t('home.calls.all')}</a>
        </p>
      </section>
      <section aria-labelledby="latest-news">
        <h2 id="latest-news">{t('home.news.title')}</h2>
        {news.length === 0 ? (
          <p>{t('home.news.none')}</p>
        ) : (
          <ul class="cards">
            {news.map((article) => (
              <li class="card">
                <h3>
                  <a href={href(`/news/${article.slug}`)}>{article.title}</a>
                </h3>
                {article.publishedAt ? <p class="muted">{formatDate(article.publishedAt)}</p> : null}
                <p>{article.summary}</p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={href('/news')}>{t('home.news.all')}</a>
        </p>
      </section>
    </>
  );
}
