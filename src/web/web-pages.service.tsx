import { HttpException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { SESSION_COOKIE } from '../auth/session.js';
import { DomainException } from '../common/errors/domain.exception.js';
import type { Environment } from '../config/environment.js';
import { ErrorPage } from './components/error-page.js';
import { Layout } from './components/layout.js';
import type { FieldError } from './components/forms.js';
import { countryName, formatDate, formatDateTime, formatNumber, languageName } from './format.js';
import type { FieldProblem } from './form-validation.js';
import { isLocale, pickLocale, type Locale } from './locales.js';
import type { MessageValues } from './messages/messages.js';
import { PageContextValue, type PageContext } from './page-context.js';
import { cookiesAreSecure, PAGE_CONTENT_SECURITY_POLICY } from './web-setup.js';
import { menuBadgesOf } from './menu-badges.interceptor.js';
import { WebRegistry } from './web.registry.js';

const NOTICE_PARAM = 'notice';

/** A page being answered: its context, plus what a handler does with it (render, redirect, errors). */
export interface Page extends PageContext {
  /** Sends the component inside the layout, as the whole HTML document. */
  render: (body: VNode, options: { title: string; status?: number }) => void;
  /** POST -> 303 -> GET: to a path after the locale (`/applications/1`), with an optional notice key. */
  redirect: (path: string, notice?: string) => void;
  /** The sentence for a broken rule or refused request (by its code), or undefined for any other error. */
  errorSentence: (error: unknown) => string | undefined;
  /** Field errors in the page's language for problems found by validateForm. */
  fieldErrors: (problems: FieldProblem[], labels: Record<string, string>) => FieldError[];
}

/**
 * Renders pages: builds each request's PageContext (language from the `:locale` segment, the
 * signed-in user from the session the guard read, the registry's menu and messages) and sends
 * documents, redirects and error pages. Feature page handlers call it; it knows no feature.
 */
@Injectable()
export class WebPages {
  private readonly timeZone: string;
  private readonly defaultLocale: Locale;
  private readonly secureCookies: boolean;

  constructor(
    private readonly registry: WebRegistry,
    config: ConfigService<Environment, true>,
  ) {
    this.timeZone = config.get('TIME_ZONE', { infer: true });
    this.defaultLocale = config.get('DEFAULT_LOCALE', { infer: true });
    this.secureCookies = cookiesAreSecure(config.get('PUBLIC_BASE_URL', { infer: true }));
  }

  /** The locale of a page request: its first path segment, else the browser's best match. */
  localeOf(request: FastifyRequest): Locale {
    const first = request.url.split(/[/?]/)[1];
    return isLocale(first) ? first : pickLocale(request.headers['accept-language'], this.defaultLocale);
  }

  bestLocale(acceptLanguage: string | undefined): Locale {
    return pickLocale(acceptLanguage, this.defaultLocale);
  }

  t(locale: Locale, key: string, values?: MessageValues): string {
    return this.registry.messages.format(locale, key, values);
  }

  /** Every message key (for tests that look for raw keys on pages). */
  messageKeys(): string[] {
    return this.registry.messages.keys();
  }

  page(reply: FastifyReply): Page {
    const request = reply.request;
    const locale = this.localeOf(request);
    const user = request.user;
    const t = (key: string, values?: MessageValues) => this.registry.messages.format(locale, key, values);
    const { timeZone } = this;
    let csrf: string | undefined;
    const query = request.query as Record<string, unknown> | undefined;
    const noticeKey = typeof query?.[NOTICE_PARAM] === 'string' ? (query[NOTICE_PARAM] as string) : undefined;
    const context: PageContext = {
      locale,
      user,
      url: request.url,
      t,
      href: (path: string) => `/${locale}${path}`,
      formatDate: (value, style) => formatDate(locale, timeZone, value, style),
      formatDateTime: (value) => formatDateTime(locale, timeZone, value),
      formatNumber: (value, options) => formatNumber(locale, value, options),
      countryName: (code) => countryName(locale, code),
      languageName: (code) => languageName(locale, code),
      csrfToken: () => (csrf ??= reply.generateCsrf()),
      menu: this.registry
        .menuFor(user?.role)
        .map((entry) => ({ ...entry, count: menuBadgesOf(request)?.get(entry.path) })),
      // Only keys meant as notices: an address cannot make the page say anything else.
      notice:
        noticeKey && noticeKey.includes('.notice.') && this.registry.messages.has(noticeKey)
          ? noticeKey
          : undefined,
    };
    return {
      ...context,
      render: (body, options) => this.send(reply, context, body, options),
      redirect: (path, notice) => {
        const target = `/${locale}${path}`;
        const withNotice = notice
          ? `${target}${target.includes('?') ? '&' : '?'}${NOTICE_PARAM}=${encodeURIComponent(notice)}`
          : target;
        void reply.code(303).header('location', withNotice).send();
      },
      errorSentence: (error) => this.errorSentence(locale, error),
      fieldErrors: (problems, labels) =>
        problems.map(({ field, constraints }) => {
          const constraint = constraints[0] ?? 'invalid';
          const key = this.registry.messages.has(`web.validation.${constraint}`)
            ? `web.validation.${constraint}`
            : 'web.validation.invalid';
          return { field, message: t(key, { field: labels[field] ?? field }) };
        }),
    };
  }

  /** The catalogue's sentence for an error's code (key `error.PROGRAMME_FULL`), if it has a code. */
  errorSentence(locale: Locale, error: unknown): string | undefined {
    let code: string | undefined;
    if (error instanceof DomainException) code = error.code;
    else if (error instanceof HttpException) {
      const response = error.getResponse();
      code =
        typeof response === 'object' && response && typeof (response as { code?: unknown }).code === 'string'
          ? (response as { code: string }).code
          : `HTTP_${error.getStatus()}`;
    }
    if (!code) return undefined;
    const key = `error.${code}`;
    return this.registry.messages.has(key) ? this.t(locale, key) : this.t(locale, 'error.unknownRule');
  }

  /** Starts a page session: the signed token in an HttpOnly, SameSite=Lax cookie. */
  startSession(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secureCookies,
      maxAge: maxAgeSeconds,
    });
  }

  endSession(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secureCookies,
    });
  }

  /** An error page (404, 403, 500, ...) in the page's language. */
  renderError(reply: FastifyReply, status: number, requestId: string | undefined, sentence?: string): void {
    const page = this.page(reply);
    const known = [400, 403, 404, 409, 413, 429, 503].includes(status) ? status : status >= 500 ? 500 : 400;
    page.render(
      <ErrorPage status={known} requestId={status >= 500 ? requestId : undefined} sentence={sentence} />,
      {
        title: page.t(`web.errorPage.${known}.title`),
        status,
      },
    );
  }

  private send(
    reply: FastifyReply,
    context: PageContext,
    body: VNode,
    options: { title: string; status?: number },
  ): void {
    const html = renderToString(
      <PageContextValue.Provider value={context}>
        <Layout title={options.title}>{body}</Layout>
      </PageContextValue.Provider>,
    );
    void reply
      .code(options.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
      // Pages show personal data once signed in: never kept by shared caches.
      .header('cache-control', 'no-store')
      .header('vary', 'cookie')
      .send(`<!doctype html>${html}`);
  }
}
