import { Get, Param, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/decorators/public.decorator.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { ListNewsQuery } from '../dto/list-news.query.js';
import { NewsService } from '../news.service.js';
import { ArticlePage, NewsListPage } from './news-pages.js';

@WebController('news')
export class NewsPagesController {
  constructor(
    private readonly news: NewsService,
    private readonly web: WebPages,
  ) {}

  /** Published articles, newest first, with full-text search. */
  @Public()
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = { q: textOf(fields, 'q'), cursor: textOf(fields, 'cursor') };
    const validated = await validateForm(ListNewsQuery, { ...values, limit: 10 });
    const results = validated.ok ? await this.news.list(validated.value, undefined) : undefined;
    const errors = validated.ok
      ? []
      : page.fieldErrors(validated.problems, {
          q: page.t('news.list.words'),
          cursor: page.t('web.pager.label'),
        });
    page.render(<NewsListPage form={formState(values, errors)} results={results} />, {
      title: page.t('news.list.title'),
      status: validated.ok ? 200 : 400,
    });
  }

  /** One published article (drafts are the editors' pages). */
  @Public()
  @Get(':slug')
  async show(@PageReply() reply: FastifyReply, @Param('slug') slug: string): Promise<void> {
    const page = this.web.page(reply);
    const article = await this.news.getBySlug(slug, undefined);
    page.render(<ArticlePage article={article} />, { title: article.title });
  }
}
