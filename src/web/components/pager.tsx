import { usePage } from '../page-context.js';

/**
 * Keyset paging links: "next page" carries the list's nextCursor with the same filters; "first
 * page" drops the cursor. Plain links (they work without JavaScript); htmx attributes pass through.
 * A page with two lists names each list's cursor parameter (`cursorParam`), so they page apart.
 */
export function Pager({
  path,
  query,
  nextCursor,
  cursorParam = 'cursor',
  ...rest
}: {
  path: string;
  query: Record<string, string | undefined>;
  nextCursor: string | null;
  cursorParam?: string;
  [attribute: string]: unknown;
}) {
  const { t, href } = usePage();
  const link = (cursor: string | undefined) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
      if (value && name !== cursorParam) params.set(name, value);
    if (cursor) params.set(cursorParam, cursor);
    const search = params.toString();
    return `${href(path)}${search ? `?${search}` : ''}`;
  };
  const current = query[cursorParam];
  if (!nextCursor && !current) return null;
  return (
    <nav class="pager button-row" aria-label={t('web.pager.label')}>
      {current ? (
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
