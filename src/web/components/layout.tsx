import type { ComponentChildren } from 'preact';
import { LOCALE_NAMES, LOCALES, switchLocale } from '../locales.js';
import { usePage } from '../page-context.js';
import { HTMX_PATH, STYLESHEET_PATH } from '../web-setup.js';
import { CsrfField } from './forms.js';

/** The frame of every page: skip link, header with menu and language switch, main, footer. */
export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  const page = usePage();
  const { t, user } = page;
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${title} – ${t('web.site.name')}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={t('web.feed.title')}
          href="/api/news/feed.xml"
        />
        {LOCALES.filter((locale) => locale !== page.locale).map((locale) => (
          <link rel="alternate" hreflang={locale} href={switchLocale(page.url, locale)} />
        ))}
        <script src={HTMX_PATH} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('web.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-name" href={page.href('')}>
              {t('web.site.name')}
            </a>
            <nav aria-label={t('web.languages')} class="languages">
              <ul>
                {LOCALES.map((locale) => (
                  <li>
                    {locale === page.locale ? (
                      <span aria-current="true" lang={locale}>
                        {LOCALE_NAMES[locale]}
                      </span>
                    ) : (
                      <a href={switchLocale(page.url, locale)} hreflang={locale} lang={locale}>
                        {LOCALE_NAMES[locale]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div class="wrap header-row">
            <nav aria-label={t('web.menu')} class="menu">
              <ul>
                {page.menu.map((entry) => {
                  const href = page.href(entry.path);
                  const current = page.url.split('?')[0] === href;
                  return (
                    <li>
                      <a href={href} aria-current={current ? 'page' : undefined}>
                        {t(entry.labelKey)}
                        {entry.count && entry.badge ? (
                          <>
                            {' '}
                            <span class="badge" aria-hidden="true">
                              {page.formatNumber(entry.count)}
                            </span>
                            <span class="visually-hidden">
                              {` (${t(entry.badge.labelKey, { count: entry.count })})`}
                            </span>
                          </>
                        ) : null}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div class="account">
              {user ? (
                <form method="post" action={page.href('/sign-out')} class="inline-form">
                  <CsrfField />
                  <span class="signed-in-as">
                    {t('web.signedInAs', { name: `${user.firstName} ${user.lastName}` })}
                  </span>{' '}
                  <button type="submit" class="link-button">
                    {t('web.signOut')}
                  </button>
                </form>
              ) : (
                <span>
                  <a href={page.href(`/sign-in`)}>{t('web.signIn')}</a> ·{' '}
                  <a href={page.href('/register')}>{t('web.register')}</a>
                </span>
              )}
            </div>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {page.notice ? (
            <div class="notice" role="status">
              {t(page.notice)}
            </div>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('web.footer.text')}</p>
            <p>
              <a href="/api/news/feed.xml">{t('web.feed.link')}</a> ·{' '}
              <a href="/api/docs">{t('web.footer.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
