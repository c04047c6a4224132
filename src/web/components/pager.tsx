import { usePage } from '../page-context.js';

/**
 * Keyset paging links: "next page" carries the list's nextCursor with the same filters; "first
 * page" drops the cursor. Plain links (they work without JavaScript); htmx attributes pass through.
 */
export function Pager({
  path,
  query,
  nextCursor,
  ...rest
}: {
  path: string;
  query: Record<string, string | undefined>;
  nextCursor: string | null;
  [attribute: string]: unknown;
}) {
  const { t, href } = usePage();
  const link = (cursor: string | undefined) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
      if (value && name !== 'cursor') params.set(name, value);
    if (cursor) params.set('cursor', cursor);
    const search = params.toString();
    return `${href(path)}${search ? `?${search}` : ''}`;
  };
  if (!nextCursor && !query.cursor) return null;
  return (
    <nav class="pager button-row" aria-label={t('web.pager.label')}>
      {query.cursor ? (
        <a href={link(undefined)} {...rest}>
          {t('web.pager.first')}
        </a>
      ) : null}
      {nextCursor ? (
        <a href={link(nextCursor)} rel="next" {...rest}>
          {t('web.pager.next')}
        </a>
      ) : null}
    </nav>
  );
}
