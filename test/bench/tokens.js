// Bearer tokens for bench users, signed like the portal signs them (HS256, claims { sub, role, ver }
// as in src/auth/auth-user.ts) with the secret the bench server runs with: no need to call the
// login route (and its deliberately slow password hashing) thousands of times.
import { createHmac } from 'node:crypto';
import { BENCH_JWT_SECRET } from './processes.js';

/** The page session cookie (src/auth/session.ts): it holds the same signed claims as a bearer token. */
export const SESSION_COOKIE_NAME = 'portal_session';

/** @param {unknown} value */
const part = (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const HEADER = part({ alg: 'HS256', typ: 'JWT' });

/**
 * @param {{ id: string, role: string, tokenVersion: number }} user
 * @param {number} [lifetimeSeconds]
 */
export function signToken(user, lifetimeSeconds = 4 * 3600) {
  const now = Math.floor(Date.now() / 1000);
  const payload = part({
    sub: user.id,
    role: user.role,
    ver: user.tokenVersion,
    iat: now,
    exp: now + lifetimeSeconds,
  });
  const signature = createHmac('sha256', BENCH_JWT_SECRET).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}
