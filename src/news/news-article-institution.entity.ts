import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Institution } from '../institutions/institution.entity.js';
import { NewsArticle } from './news-article.entity.js';

/**
 * An institution an article is about. A bare link row (no timestamps of its own): deleting the
 * article or the institution removes it.
 */
@Entity('news_article_institutions')
@Index('news_article_institutions_institution_idx', ['institutionId', 'articleId'])
export class NewsArticleInstitution {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'news_article_institutions_pk' })
  articleId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'news_article_institutions_pk' })
  institutionId: string;

  @ManyToOne(() => NewsArticle, (article) => article.institutionLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'news_article_institutions_article_fk' })
  article?: Relation<NewsArticle>;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'institution_id',
    foreignKeyConstraintName: 'news_article_institutions_institution_fk',
  })
  institution?: Relation<Institution>;
}
