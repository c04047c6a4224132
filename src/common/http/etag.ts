import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong entity tag: the SHA-256 of the exact bytes sent. */
export function entityTag(payload: string): string {
  return `"${createHash('sha256').update(payload).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header matches the tag: `*`, or any listed tag, compared weakly
 * (RFC 9110 §13.1.2: a `W/` prefix is ignored).
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Sends a body with its ETag, or a bare 304 when the client already holds it. Clients revalidate
 * every time (no-cache), and what a signed-in caller sees may differ (Vary: Authorization).
 */
export function sendWithEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: string,
  contentType: string,
): FastifyReply {
  const etag = entityTag(payload);
  const vary = reply.getHeader('vary');
  void reply
    .header('etag', etag)
    .header('cache-control', 'no-cache')
    .header('vary', vary ? `${String(vary)}, Authorization` : 'Authorization');
  if (ifNoneMatchMatches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.status(200).header('content-type', contentType).send(payload);
}

/** sendWithEtag for a JSON body. */
export function sendJsonWithEtag(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  return sendWithEtag(request, reply, JSON.stringify(body), 'application/json; charset=utf-8');
}
