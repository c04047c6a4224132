import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, HtmlErrorResponder } from '../common/errors/all-exceptions.filter.js';
import { isLocale } from './locales.js';
import { isPageRequest } from './web-setup.js';
import { WebPages } from './web-pages.service.js';

/** True for a request a person's browser made for a page (not the API, not a script). */
function wantsPage(request: FastifyRequest): boolean {
  if (!isPageRequest(request)) return false;
  const first = request.url.split(/[/?]/)[1];
  if (isLocale(first) || request.url === '/' || request.url.startsWith('/?')) return true;
  return (request.headers.accept ?? '').includes('text/html');
}

/** @fastify/csrf-protection's refusal (Nest hands it over wrapped in an HttpException, as its cause). */
function isCsrfError(exception: unknown): boolean {
  const code = (error: unknown) => (error as { code?: unknown } | null)?.code;
  const cause = (exception as { cause?: unknown } | null)?.cause;
  return [code(exception), code(cause)].some(
    (value) => typeof value === 'string' && value.startsWith('FST_CSRF'),
  );
}

/**
 * Errors of page requests as pages: no session on a page that needs one is a redirect to the
 * sign-in page (coming back afterwards); anything else is an error page in the page's language,
 * with the sentence for a broken rule's code where there is one. Never a code or a stack trace.
 */
@Injectable()
export class PageErrors implements HtmlErrorResponder {
  constructor(private readonly web: WebPages) {}

  respond(exception: unknown, body: ErrorBody, request: FastifyRequest, reply: FastifyReply): boolean {
    if (!wantsPage(request) || reply.sent) return false;
    if (body.statusCode === 401) {
      const locale = this.web.localeOf(request);
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      void reply.code(303).header('location', `/${locale}/sign-in${next}`).send();
      return true;
    }
    const locale = this.web.localeOf(request);
    const sentence = isCsrfError(exception)
      ? this.web.t(locale, 'web.errorPage.csrf')
      : body.statusCode === 409
        ? this.web.errorSentence(locale, exception)
        : undefined;
    this.web.renderError(reply, body.statusCode, body.requestId, sentence);
    return true;
  }
}
