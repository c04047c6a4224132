import { ForbiddenException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import { applyKeyset, toPage, type KeysetOrder, type Page } from '../common/pagination/pagination.js';
import { Institution } from '../institutions/institution.entity.js';
import type { CreateNewsDto } from './dto/create-news.dto.js';
import type { ListNewsQuery } from './dto/list-news.query.js';
import {
  toNewsListItem,
  toNewsResponse,
  type NewsArticleListItem,
  type NewsArticleResponse,
} from './dto/news.response.js';
import type { PublishNewsDto } from './dto/publish-news.dto.js';
import type { UpdateNewsDto } from './dto/update-news.dto.js';
import { renderMarkdown } from './markdown.js';
import { NewsErrorCode } from './news-error-codes.js';
import { NewsArticleInstitution } from './news-article-institution.entity.js';
import { NEWS_SEARCH_CONFIG, NewsArticle } from './news-article.entity.js';
import { firstFreeSlug, slugFromTitle } from './slug.js';

/** Who wrote an article and, for reference data only, when it was published. */
export interface ArticleOrigin {
  createdById?: string | null;
  /** The article is stored already published at this instant (reference data). */
  publishedAt?: Date;
}

/** Editors and admins write news, and see drafts. */
export function canEditNews(user: AuthUser | undefined): boolean {
  return user?.role === 'editor' || user?.role === 'admin';
}

const PUBLISHED_ORDER: KeysetOrder = { columns: ['a.published_at', 'a.id'], direction: 'DESC' };
const DRAFT_ORDER: KeysetOrder = { columns: ['a.created_at', 'a.id'], direction: 'DESC' };
const SLUG_ATTEMPTS = 5;
const SLUG_UNIQUE = 'news_articles_slug_unique';

/**
 * Stores a new article on the given transaction's manager and returns its id: a draft, or
 * published at `publishedAt` when given. A slug made from the title that is taken gets the first
 * free suffix; the unique index settles a race, and the loser tries the next one.
 */
export async function createArticle(
  manager: EntityManager,
  input: CreateNewsDto,
  origin: ArticleOrigin = {},
): Promise<string> {
  const relatedIds = input.relatedInstitutionIds ?? [];
  await assertInstitutionsExist(manager, relatedIds);
  const values: QueryDeepPartialEntity<NewsArticle> = {
    title: input.title,
    summary: input.summary,
    body: input.body,
    bodyHtml: renderMarkdown(input.body),
    authorName: input.authorName,
    categories: input.categories ?? [],
    status: origin.publishedAt ? 'published' : 'draft',
    publishedAt: origin.publishedAt ?? null,
    createdById: origin.createdById ?? null,
  };
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt += 1) {
    const slug = input.slug ?? (await freeSlug(manager, slugFromTitle(input.title)));
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(NewsArticle)
      .values({ ...values, slug })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (id) {
      await linkInstitutions(manager, id, relatedIds);
      return id;
    }
    if (input.slug) throw slugTaken(input.slug);
  }
  throw new DomainException(NewsErrorCode.SLUG_TAKEN, 'Could not find a free slug for this title; give one');
}

async function freeSlug(manager: EntityManager, base: string): Promise<string> {
  const rows: Array<{ slug: string }> = await manager.query(
    `SELECT slug FROM news_articles WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
    [base],
  );
  return firstFreeSlug(base, new Set(rows.map((row) => row.slug)));
}

function slugTaken(slug: string): DomainException {
  const message = `Another article already has the slug ${slug}`;
  return new DomainException(NewsErrorCode.SLUG_TAKEN, message, HttpStatus.CONFLICT, {
    fields: [{ field: 'slug', problems: [message] }],
  });
}

async function assertInstitutionsExist(manager: EntityManager, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.countBy(Institution, { id: In(ids) });
  if (found !== new Set(ids).size) {
    throw new InvalidInputError('relatedInstitutionIds names an institution that does not exist', [
      'relatedInstitutionIds',
    ]);
  }
}

async function linkInstitutions(manager: EntityManager, articleId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(NewsArticleInstitution)
    .values(ids.map((institutionId) => ({ articleId, institutionId })))
    .orIgnore()
    .execute();
}

@Injectable()
export class NewsService {
  constructor(
    @InjectRepository(NewsArticle) private readonly articles: Repository<NewsArticle>,
    private readonly dataSource: DataSource,
  ) {}

  /** Published articles, newest first, for anyone; drafts, newest created first, for editors. */
  async list(query: ListNewsQuery, user: AuthUser | undefined): Promise<Page<NewsArticleListItem>> {
    const status = query.status ?? 'published';
    if (status === 'draft' && !canEditNews(user)) {
      if (!user) throw new UnauthorizedException('Sign in as an editor to see drafts');
      throw new ForbiddenException(`Your role (${user.role}) may not see drafts`);
    }
    const builder = this.articles.createQueryBuilder('a').where('a.status = :status', { status });
    if (query.category) {
      builder.andWhere('a.categories @> ARRAY[:category]::varchar[]', { category: query.category });
    }
    if (query.institutionId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM news_article_institutions l WHERE l.article_id = a.id AND l.institution_id = :institutionId)',
        { institutionId: query.institutionId },
      );
    }
    if (query.q) {
      builder.andWhere(
        `a.search_vector @@ websearch_to_tsquery('${NEWS_SEARCH_CONFIG}', portal_unaccent(:q))`,
        { q: query.q },
      );
    }
    const order = status === 'published' ? PUBLISHED_ORDER : DRAFT_ORDER;
    applyKeyset(builder, order, query);
    const rows = await builder.getMany();
    const related = await this.relatedInstitutionIds(
      this.dataSource.manager,
      rows.slice(0, query.limit).map((row) => row.id),
    );
    return toPage(
      rows,
      query.limit,
      (row) => [(status === 'published' ? row.publishedAt! : row.createdAt).toISOString(), row.id],
      (row) => toNewsListItem(row, related.get(row.id) ?? []),
    );
  }

  /** The latest published articles, for the feed. */
  async latestPublished(limit: number): Promise<NewsArticle[]> {
    return this.articles
      .createQueryBuilder('a')
      .where(`a.status = 'published'`)
      .orderBy('a.published_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** An article by its slug: drafts only for editors and admins, a 404 for anyone else. */
  async getBySlug(slug: string, user: AuthUser | undefined): Promise<NewsArticleResponse> {
    const article = await this.articles.findOneBy({ slug });
    if (!article || (article.status !== 'published' && !canEditNews(user))) {
      throw new NotFoundError('News article');
    }
    return this.toResponse(this.dataSource.manager, article);
  }

  /** An article by its id, draft or published: for the editors' pages (the guard lets only them in). */
  async getById(id: string): Promise<NewsArticleResponse> {
    const article = await this.articles.findOneBy({ id });
    if (!article) throw new NotFoundError('News article');
    return this.toResponse(this.dataSource.manager, article);
  }

  /** Creates a draft written by the given editor. */
  async create(dto: CreateNewsDto, createdById: string): Promise<NewsArticleResponse> {
    return this.dataSource.transaction(async (manager) => {
      const id = await createArticle(manager, dto, { createdById });
      return this.toResponse(manager, await manager.findOneByOrFail(NewsArticle, { id }));
    });
  }

  /** Changes any field, published or not; a new body is rendered again. The slug changes only when sent. */
  async update(id: string, changes: UpdateNewsDto): Promise<NewsArticleResponse> {
    return this.dataSource.transaction(async (manager) => {
      const article = await manager
        .createQueryBuilder(NewsArticle, 'a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id })
        .getOne();
      if (!article) throw new NotFoundError('News article');
      const patch: QueryDeepPartialEntity<NewsArticle> = {
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
        ...(changes.body !== undefined ? { body: changes.body, bodyHtml: renderMarkdown(changes.body) } : {}),
        ...(changes.authorName !== undefined ? { authorName: changes.authorName } : {}),
        ...(changes.categories !== undefined ? { categories: changes.categories } : {}),
        ...(changes.slug !== undefined ? { slug: changes.slug } : {}),
      };
      if (changes.relatedInstitutionIds !== undefined) {
        await assertInstitutionsExist(manager, changes.relatedInstitutionIds);
        await manager.delete(NewsArticleInstitution, { articleId: id });
        await linkInstitutions(manager, id, changes.relatedInstitutionIds);
      }
      if (Object.keys(patch).length > 0 || changes.relatedInstitutionIds !== undefined) {
        try {
          await manager
            .createQueryBuilder()
            .update(NewsArticle)
            .set(patch)
            .where('id = :id', { id })
            .execute();
        } catch (error) {
          if (changes.slug !== undefined && isUniqueViolation(error, SLUG_UNIQUE))
            throw slugTaken(changes.slug);
          throw error;
        }
      }
      return this.toResponse(manager, await manager.findOneByOrFail(NewsArticle, { id }));
    });
  }

  /** draft -> published, dated now or at the given instant (not in the future). */
  async publish(id: string, dto: PublishNewsDto, now = new Date()): Promise<NewsArticleResponse> {
    const publishedAt = dto.publishedAt ? new Date(dto.publishedAt) : now;
    if (publishedAt.getTime() > now.getTime()) {
      throw new InvalidInputError('publishedAt must not be in the future', ['publishedAt']);
    }
    return this.transition(
      id,
      'draft',
      { status: 'published', publishedAt },
      () => new DomainException(NewsErrorCode.ALREADY_PUBLISHED, 'The article is already published'),
    );
  }

  /** published -> draft: the article leaves the public list, the feed and its public address. */
  async unpublish(id: string): Promise<NewsArticleResponse> {
    return this.transition(
      id,
      'published',
      { status: 'draft', publishedAt: null },
      () => new DomainException(NewsErrorCode.NOT_PUBLISHED, 'The article is not published'),
    );
  }

  async delete(id: string): Promise<void> {
    const result = await this.articles
      .createQueryBuilder()
      .delete()
      .where('id = :id', { id })
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length === 0) throw new NotFoundError('News article');
  }

  /** A conditional UPDATE: the status it starts from is checked by the database, not read before. */
  private async transition(
    id: string,
    from: NewsArticle['status'],
    set: QueryDeepPartialEntity<NewsArticle>,
    illegal: () => DomainException,
  ): Promise<NewsArticleResponse> {
    return this.dataSource.transaction(async (manager) => {
      const updated = await manager
        .createQueryBuilder()
        .update(NewsArticle)
        .set(set)
        .where('id = :id AND status = :from', { id, from })
        .returning(['id'])
        .execute();
      if ((updated.raw as unknown[]).length === 0) {
        const exists = await manager.existsBy(NewsArticle, { id });
        throw exists ? illegal() : new NotFoundError('News article');
      }
      return this.toResponse(manager, await manager.findOneByOrFail(NewsArticle, { id }));
    });
  }

  private async relatedInstitutionIds(
    manager: EntityManager,
    articleIds: string[],
  ): Promise<Map<string, string[]>> {
    const related = new Map<string, string[]>();
    if (articleIds.length === 0) return related;
    const links = await manager.find(NewsArticleInstitution, {
      where: { articleId: In(articleIds) },
      order: { institutionId: 'ASC' },
    });
    for (const link of links) {
      related.set(link.articleId, [...(related.get(link.articleId) ?? []), link.institutionId]);
    }
    return related;
  }

  private async toResponse(manager: EntityManager, article: NewsArticle): Promise<NewsArticleResponse> {
    const related = await this.relatedInstitutionIds(manager, [article.id]);
    return toNewsResponse(article, related.get(article.id) ?? []);
  }
}
