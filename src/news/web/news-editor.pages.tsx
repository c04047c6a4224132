import type { Page } from '../../common/pagination/pagination.js';
import {
  ErrorSummary,
  Form,
  SubmitButton,
  TextArea,
  TextField,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { NewsArticleListItem } from '../dto/news.response.js';
import type { NewsStatus } from '../news-article.entity.js';

const STATUSES: NewsStatus[] = ['draft', 'published'];

/** The editors' list: drafts (newest written first) or published articles (newest first). */
export function NewsDeskPage({ status, list }: { status: NewsStatus; list: Page<NewsArticleListItem> }) {
  const { t, href, formatDateTime } = usePage();
  return (
    <>
      <h1>{t('newsEditor.title')}</h1>
      <p>
        <a class="button button-primary" href={href('/editor/news/new')}>
          {t('newsEditor.write')}
        </a>
      </p>
      <nav aria-label={t('newsEditor.statusNav')}>
        <ul class="button-row">
          {STATUSES.map((each) => (
            <li>
              <a
                href={href(`/editor/news?status=${each}`)}
                aria-current={each === status ? 'page' : undefined}
              >
                {t(`newsEditor.status.${each}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length === 0 ? (
        <p>{t('newsEditor.none')}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption>{t(`newsEditor.status.${status}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('newsEditor.field.title')}</th>
                <th scope="col">{t('newsEditor.field.authorName')}</th>
                <th scope="col">{t(status === 'draft' ? 'newsEditor.created' : 'newsEditor.published')}</th>
                <th scope="col">{t('newsEditor.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((article) => (
                <tr>
                  <td>
                    <a href={href(`/editor/news/${article.id}/edit`)}>{article.title}</a>
                  </td>
                  <td>{article.authorName}</td>
                  <td>{formatDateTime(article.publishedAt ?? article.createdAt)}</td>
                  <td>
                    {article.status === 'draft' ? (
                      <Form action={href(`/editor/news/${article.id}/publish`)} class="inline-form">
                        <SubmitButton variant="secondary">
                          {t('newsEditor.publish')}
                          <span class="visually-hidden">: {article.title}</span>
                        </SubmitButton>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.nextCursor ? (
        <p>
          <a href={href(`/editor/news?status=${status}&cursor=${encodeURIComponent(list.nextCursor)}`)}>
            {t('web.pager.next')}
          </a>
        </p>
      ) : null}
    </>
  );
}

export interface EditedArticle {
  id: string;
  status: NewsStatus;
  slug: string;
}

/**
 * Writing or editing an article in Markdown. "Preview" posts the form to the preview route,
 * which renders the body with the API's own Markdown renderer; htmx swaps only the preview in.
 */
export function ArticleEditorPage({
  form,
  article,
  previewHtml,
}: {
  form: FormState;
  article?: EditedArticle;
  previewHtml?: string;
}) {
  const { t, href } = usePage();
  const action = article ? href(`/editor/news/${article.id}/edit`) : href('/editor/news/new');
  const preview = href('/editor/news/preview');
  return (
    <>
      <p>
        <a href={href(`/editor/news?status=${article?.status ?? 'draft'}`)}>{t('newsEditor.back')}</a>
      </p>
      <h1>{t(article ? 'newsEditor.edit.title' : 'newsEditor.new.title')}</h1>
      {article ? <p class="muted">{t(`newsEditor.status.${article.status}`)}</p> : null}
      <ErrorSummary form={form} />
      <Form action={action}>
        {article ? <input type="hidden" name="articleId" value={article.id} /> : null}
        <TextField form={form} name="title" label={t('newsEditor.field.title')} />
        <TextArea form={form} name="summary" label={t('newsEditor.field.summary')} rows={2} />
        <TextField form={form} name="authorName" label={t('newsEditor.field.authorName')} />
        <TextField
          form={form}
          name="categories"
          label={t('newsEditor.field.categories')}
          hint={t('newsEditor.hint.categories')}
        />
        <TextArea
          form={form}
          name="body"
          label={t('newsEditor.field.body')}
          hint={t('newsEditor.hint.body')}
          rows={14}
        />
        <div class="button-row">
          <SubmitButton>{t('newsEditor.save')}</SubmitButton>
          <button
            type="submit"
            class="button button-secondary"
            formaction={preview}
            hx-post={preview}
            hx-target="#preview"
            hx-select="#preview"
            hx-swap="outerHTML"
          >
            {t('newsEditor.preview')}
          </button>
        </div>
      </Form>
      <div id="preview" aria-live="polite">
        {previewHtml !== undefined ? (
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">{t('newsEditor.preview.title')}</h2>
            <div class="article-body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
          </section>
        ) : null}
      </div>
      {article?.status === 'draft' ? (
        <Form action={href(`/editor/news/${article.id}/publish`)}>
          <SubmitButton variant="warning">{t('newsEditor.publish')}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
