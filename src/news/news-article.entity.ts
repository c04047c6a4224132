import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, type Relation } from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { User } from '../users/user.entity.js';
import { NewsArticleInstitution } from './news-article-institution.entity.js';

export const NEWS_STATUSES = ['draft', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

/**
 * Full-text search document: title weighs most, then summary, then body. English stemming (so
 * "students" finds "student"), accents folded by portal_unaccent (from the catalogue migration)
 * so "Universite" finds "Université". Queries must fold and parse the same way.
 */
export const NEWS_SEARCH_CONFIG = 'english';
const SEARCH_DOCUMENT = ['title', 'summary', 'body']
  .map(
    (column, index) =>
      `setweight(to_tsvector('${NEWS_SEARCH_CONFIG}', portal_unaccent(coalesce(${column}, ''))), '${'ABC'[index]}')`,
  )
  .join(' || ');

@Entity('news_articles')
@Check('news_articles_status_known', statusIn('status', NEWS_STATUSES))
@Check('news_articles_published_has_date', `status <> 'published' OR published_at IS NOT NULL`)
@Check('news_articles_slug_format', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
// The public list: published only, newest first (scanned backwards for DESC, DESC).
@Index('news_articles_published_idx', ['publishedAt', 'id'], { where: `status = 'published'` })
// Editors' list of drafts, newest first.
@Index('news_articles_drafts_idx', ['createdAt', 'id'], { where: `status = 'draft'` })
export class NewsArticle extends TimestampedEntity {
  /** ASCII, lower case, words joined by hyphens; made from the title, changeable by editors. */
  @Index('news_articles_slug_unique', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  /** Markdown, as written. */
  @Column({ type: 'text' })
  body: string;

  /** The body rendered and sanitized when saved; safe to insert in a page. */
  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'varchar', length: 100 })
  authorName: string;

  @Index('news_articles_categories_idx', { type: 'gin' })
  @Column({ type: 'varchar', length: 50, array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: NewsStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  /** The editor who created the article; null for reference data or a since-deleted account. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'news_articles_created_by_fk' })
  createdBy?: Relation<User>;

  @Index('news_articles_search_idx', { type: 'gin' })
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: SEARCH_DOCUMENT,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  @OneToMany(() => NewsArticleInstitution, (link) => link.article)
  institutionLinks?: Relation<NewsArticleInstitution[]>;
}
