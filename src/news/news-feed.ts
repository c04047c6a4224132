import { Feed } from 'feed';
import { toSafeText } from './markdown.js';
import type { NewsArticle } from './news-article.entity.js';

export const FEED_SIZE = 20;

/** The public address of an article (its JSON today; the same path a site would serve). */
export function articleUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/api/news/${encodeURIComponent(slug)}`;
}

/**
 * RSS 2.0 of the given articles, newest first. Every date in it comes from the articles, so the
 * same articles always give the same bytes (and the same ETag). Every text an editor typed is
 * sanitised on its way in, like the body was on save: readers render titles and descriptions as
 * HTML, so markup in a summary must arrive as text, never as a tag.
 */
export function buildNewsFeed(baseUrl: string, articles: NewsArticle[]): string {
  const updated = articles.reduce(
    (latest, article) => (article.updatedAt > latest ? article.updatedAt : latest),
    new Date(0),
  );
  const feed = new Feed({
    title: 'Student mobility portal: news',
    description:
      'News of the International Relations Office: partnerships, exchanges and research cooperation.',
    id: `${baseUrl}/api/news`,
    link: `${baseUrl}/api/news`,
    language: 'en',
    updated,
    generator: false,
    feedLinks: { rss: `${baseUrl}/api/news/feed.xml` },
    copyright: 'All rights reserved',
  });
  for (const article of articles) {
    const link = articleUrl(baseUrl, article.slug);
    feed.addItem({
      title: toSafeText(article.title),
      id: link,
      link,
      description: toSafeText(article.summary),
      // Sanitised when the article was saved (renderMarkdown).
      content: article.bodyHtml,
      author: [{ name: toSafeText(article.authorName) }],
      date: article.publishedAt ?? article.createdAt,
      category: article.categories.map((name) => ({ name: toSafeText(name) })),
    });
  }
  return feed.rss2();
}
