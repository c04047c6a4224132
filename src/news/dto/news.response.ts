import { ApiProperty } from '@nestjs/swagger';
import { NEWS_STATUSES, type NewsArticle, type NewsStatus } from '../news-article.entity.js';

/** An article as lists show it: everything but the body. */
export class NewsArticleListItem {
  id: string;
  slug: string;
  title: string;
  summary: string;
  authorName: string;
  categories: string[];
  relatedInstitutionIds: string[];
  @ApiProperty({ enum: NEWS_STATUSES })
  status: NewsStatus;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A whole article: its Markdown and the safe HTML rendered from it. */
export class NewsArticleResponse extends NewsArticleListItem {
  body: string;
  /** Sanitized HTML, safe to insert in a page. */
  bodyHtml: string;
}

export class NewsPageResponse {
  items: NewsArticleListItem[];
  nextCursor: string | null;
}

export function toNewsListItem(article: NewsArticle, relatedInstitutionIds: string[]): NewsArticleListItem {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    authorName: article.authorName,
    categories: article.categories,
    relatedInstitutionIds,
    status: article.status,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

export function toNewsResponse(article: NewsArticle, relatedInstitutionIds: string[]): NewsArticleResponse {
  return Object.assign(toNewsListItem(article, relatedInstitutionIds), {
    body: article.body,
    bodyHtml: article.bodyHtml,
  });
}
