import type { Page as ResultPage } from '../../common/pagination/pagination.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../web/components/forms.js';
import { Pager } from '../../web/components/pager.js';
import { usePage } from '../../web/page-context.js';
import type { NewsArticleListItem, NewsArticleResponse } from '../dto/news.response.js';

export function NewsListPage({
  form,
  results,
}: {
  form: FormState;
  results: ResultPage<NewsArticleListItem> | undefined;
}) {
  const { t, href, formatDate } = usePage();
  const query = Object.fromEntries(
    Object.entries(form.values).map(([name, value]) => [name, [value ?? []].flat()[0]]),
  );
  return (
    <>
      <h1>{t('news.list.title')}</h1>
      <ErrorSummary form={form} />
      <Form
        action={href('/news')}
        method="get"
        class="filters"
        role="search"
        aria-label={t('news.list.search')}
      >
        <div class="field-wide">
          <TextField
            form={form}
            name="q"
            type="search"
            label={t('news.list.words')}
            hint={t('news.list.wordsHint')}
          />
        </div>
        <div>
          <SubmitButton>{t('news.list.submit')}</SubmitButton>
        </div>
      </Form>
      <p>
        <a href="/api/news/feed.xml" type="application/rss+xml">
          {t('news.rss')}
        </a>
      </p>
      {results && results.items.length > 0 ? (
        <ul class="cards">
          {results.items.map((article) => (
            <li class="card">
              <h2>
                <a href={href(`/news/${article.slug}`)}>{article.title}</a>
              </h2>
              {article.publishedAt ? <p class="muted">{formatDate(article.publishedAt)}</p> : null}
              <p>{article.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('news.list.none')}</p>
      )}
      {results ? <Pager path="/news" query={query} nextCursor={results.nextCursor} /> : null}
    </>
  );
}

export function ArticlePage({ article }: { article: NewsArticleResponse }) {
  const { t, href, formatDate } = usePage();
  return (
    <article>
      <h1>{article.title}</h1>
      <p class="muted">
        {article.publishedAt
          ? t('news.byline', { author: article.authorName, date: formatDate(article.publishedAt) })
          : t('news.draft', { author: article.authorName })}
      </p>
      {article.categories.length > 0 ? (
        <p>
          {t('news.categories')}: {article.categories.join(', ')}
        </p>
      ) : null}
      <p class="lead">{article.summary}</p>
      {/* Markdown rendered and sanitised by the news service (src/news/markdown.ts). */}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <p>
        <a href={href('/news')}>{t('news.back')}</a>
      </p>
    </article>
  );
}
