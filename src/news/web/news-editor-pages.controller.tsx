import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { BODY_MAX_LENGTH, CreateNewsDto } from '../dto/create-news.dto.js';
import { ListNewsQuery } from '../dto/list-news.query.js';
import { UpdateNewsDto } from '../dto/update-news.dto.js';
import { renderMarkdown } from '../markdown.js';
import { NewsService } from '../news.service.js';
import { ArticleEditorPage, NewsDeskPage, type EditedArticle } from './news-editor.pages.js';

type Fields = Record<string, string | string[]>;

/** "International, Research" -> ["International", "Research"]. */
export function categoriesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The article's fields as the API's DTO takes them (an empty field is "not given"). */
function articleInput(fields: Fields): Record<string, unknown> {
  const body = typeof fields.body === 'string' && fields.body.trim() ? fields.body : undefined;
  return {
    title: textOf(fields, 'title'),
    summary: textOf(fields, 'summary'),
    body,
    authorName: textOf(fields, 'authorName'),
    categories: categoriesOf(textOf(fields, 'categories')),
  };
}

const FIELDS = ['title', 'summary', 'authorName', 'categories', 'body'] as const;

/** The twin of /api/news for editors and admins: drafts, writing, preview and publishing. */
@WebController('editor/news')
export class NewsEditorPagesController {
  constructor(
    private readonly news: NewsService,
    private readonly web: WebPages,
  ) {}

  @Roles('editor', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const validated = await validateForm(ListNewsQuery, {
      status: textOf(fields, 'status') ?? 'draft',
      cursor: textOf(fields, 'cursor'),
    });
    if (!validated.ok) return this.web.renderError(reply, 400, undefined);
    const status = validated.value.status ?? 'draft';
    const list = await this.news.list(validated.value, page.user);
    page.render(<NewsDeskPage status={status} list={list} />, { title: page.t('newsEditor.title') });
  }

  @Roles('editor', 'admin')
  @Get('new')
  write(@PageReply() reply: FastifyReply): void {
    const page = this.web.page(reply);
    const name = page.user ? `${page.user.firstName} ${page.user.lastName}` : '';
    page.render(<ArticleEditorPage form={formState({ authorName: name })} />, {
      title: page.t('newsEditor.new.title'),
    });
  }

  @Roles('editor', 'admin')
  @Post('new')
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const input = articleInput(fields);
    const validated = await validateForm(CreateNewsDto, input);
    if (!validated.ok)
      return this.refuse(page, fields, this.errorsOf(page, validated.problems, input), undefined, 400);
    let id: string;
    try {
      id = (await this.news.create(validated.value, page.user!.id)).id;
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      return this.refuse(page, fields, [{ field: 'form', message: sentence }], undefined, 409);
    }
    page.redirect(`/editor/news/${id}/edit`, 'newsEditor.notice.saved');
  }

  /** The form as sent, with its body rendered as the article page will show it; nothing is stored. */
  @Roles('editor', 'admin')
  @Post('preview')
  async preview(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const articleId = textOf(fields, 'articleId');
    const article =
      articleId && /^[0-9a-f-]{36}$/i.test(articleId) ? await this.edited(articleId) : undefined;
    const source = typeof fields.body === 'string' ? fields.body : '';
    const errors: FieldError[] =
      source.length > BODY_MAX_LENGTH
        ? [
            {
              field: 'body',
              message: page.t('web.validation.maxLength', { field: page.t('newsEditor.field.body') }),
            },
          ]
        : [];
    page.render(
      <ArticleEditorPage
        form={formState(fields, errors)}
        article={article}
        previewHtml={errors.length === 0 ? renderMarkdown(source) : undefined}
      />,
      { title: page.t('newsEditor.preview.title') },
    );
  }

  @Roles('editor', 'admin')
  @Get(':id/edit')
  async edit(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const article = await this.news.getById(id);
    const values = {
      title: article.title,
      summary: article.summary,
      authorName: article.authorName,
      categories: article.categories.join(', '),
      body: article.body,
    };
    page.render(<ArticleEditorPage form={formState(values)} article={article} />, {
      title: page.t('newsEditor.edit.title'),
    });
  }

  @Roles('editor', 'admin')
  @Post(':id/edit')
  async save(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const article = await this.edited(id);
    const input = articleInput(fields);
    const validated = await validateForm(UpdateNewsDto, input);
    // Every field is on the form: an empty one is "missing", not "left unchanged".
    const missing = FIELDS.filter((name) => name !== 'categories' && input[name] === undefined);
    if (!validated.ok || missing.length > 0) {
      const problems = [
        ...missing.map((field) => ({ field, constraints: ['isNotEmpty'] })),
        ...(validated.ok
          ? []
          : validated.problems.filter((problem) => !missing.some((name) => name === problem.field))),
      ];
      return this.refuse(page, fields, this.errorsOf(page, problems, input), article, 400);
    }
    try {
      await this.news.update(id, validated.value);
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      return this.refuse(page, fields, [{ field: 'form', message: sentence }], article, 409);
    }
    page.redirect(`/editor/news/${id}/edit`, 'newsEditor.notice.saved');
  }

  /** Publishes a draft now; an article already published is the 409 page with its sentence. */
  @Roles('editor', 'admin')
  @Post(':id/publish')
  async publish(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.news.publish(id, {});
    page.redirect('/editor/news?status=published', 'newsEditor.notice.published');
  }

  private async edited(id: string): Promise<EditedArticle> {
    const { status, slug } = await this.news.getById(id);
    return { id, status, slug };
  }

  private labels(page: Page): Record<string, string> {
    return Object.fromEntries(FIELDS.map((name) => [name, page.t(`newsEditor.field.${name}`)]));
  }

  /** Field errors in the page's language; a field left empty is asked for ("Enter the title"). */
  private errorsOf(
    page: Page,
    problems: Parameters<Page['fieldErrors']>[0],
    input: Record<string, unknown>,
  ): FieldError[] {
    const seen = new Set<string>();
    const named = problems
      .map((problem) => {
        const field = problem.field.replace(/\.\d+$/, '');
        return { field, constraints: input[field] === undefined ? ['isNotEmpty'] : problem.constraints };
      })
      .filter((problem) => !seen.has(problem.field) && seen.add(problem.field));
    return page.fieldErrors(named, this.labels(page));
  }

  private refuse(
    page: Page,
    fields: Fields,
    errors: FieldError[],
    article: EditedArticle | undefined,
    status: number,
  ) {
    page.render(<ArticleEditorPage form={formState(fields, errors)} article={article} />, {
      title: page.t(article ? 'newsEditor.edit.title' : 'newsEditor.new.title'),
      status,
    });
  }
}
