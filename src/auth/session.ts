import type {} from '@fastify/cookie';

/**
 * Page sessions. The pages sign people in with an HttpOnly cookie holding the same signed claims
 * as a bearer token (user, role, token version), so deactivation or a password change, which
 * raise the user's token version, end a page session at once as they end tokens. The API never
 * reads the cookie, and pages never read a bearer token.
 */
export const SESSION_COOKIE = 'portal_session';

/** Metadata set on page controllers (`@WebController`): the guard reads the session cookie there. */
export const IS_PAGE = 'isPage';
