import type { RegisteredRoute } from '../../src/app.factory.js';
import type { TestApp, TestUser } from '../support/test-app.js';

/**
 * Who calls: anonymous, each role, a second student for routes where ownership matters, and two
 * partner coordinators, of institutions A and B, for routes scoped to a partner's institution.
 */
export const CALLERS = [
  'anonymous',
  'student',
  'otherStudent',
  'advisor',
  'coordinator',
  'editor',
  'admin',
  'partnerA',
  'partnerB',
] as const;
export type Caller = (typeof CALLERS)[number];

export interface MatrixContext {
  t: TestApp;
  users: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  /** The institutions of partnerA and partnerB. */
  partnerInstitutions: { a: string; b: string };
}

export interface PreparedRequest {
  /** The concrete URL (route parameters filled in). Defaults to the route path. Pages: `/en/...`. */
  url?: string;
  /** API: the JSON body. Pages: the form's fields (sent urlencoded with a valid CSRF token). */
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/**
 * One route and the status each caller gets. Write routes are usually probed with an empty or
 * invalid body: a caller who passes the guard gets 400 (validation), one who does not gets 401/403,
 * so the row tests access without changing data.
 */
export interface MatrixRow {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path as registered, e.g. /api/users/:id */
  path: string;
  expect: Record<Caller, number>;
  /** Builds the request; `caller` is who will send it. Called once per caller. */
  prepare?: (context: MatrixContext, caller: Caller) => Promise<PreparedRequest> | PreparedRequest;
}

/** Shorthands for the common shapes of a row's expectations. */
export const everyone = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Record<Caller, number>;

/** Only these roles pass; anonymous gets 401 and every other role 403. */
export function only(roles: Caller[], allowedStatus: number): Record<Caller, number> {
  return Object.fromEntries(
    CALLERS.map((caller) => [
      caller,
      roles.includes(caller) ? allowedStatus : caller === 'anonymous' ? 401 : 403,
    ]),
  ) as Record<Caller, number>;
}

/**
 * Pages: these roles pass; anonymous is sent to the sign-in page (303) and every other role gets
 * the 403 page.
 */
export function pageOnly(roles: Caller[], allowedStatus: number): Record<Caller, number> {
  return Object.fromEntries(
    CALLERS.map((caller) => [
      caller,
      roles.includes(caller) ? allowedStatus : caller === 'anonymous' ? 303 : 403,
    ]),
  ) as Record<Caller, number>;
}

/** True for a page route (anything outside the API and the probes): called with a session cookie. */
export function isPageRoute(path: string): boolean {
  return !path.startsWith('/api') && !path.startsWith('/health') && path !== '/metrics';
}

export const SIGNED_IN: Caller[] = [
  'student',
  'otherStudent',
  'advisor',
  'coordinator',
  'editor',
  'admin',
  'partnerA',
  'partnerB',
];
export const PARTNERS: Caller[] = ['partnerA', 'partnerB'];
export const STAFF: Caller[] = ['advisor', 'coordinator', 'admin'];

/** Routes that are infrastructure rather than API (Swagger UI's static files, HEAD twins of GETs). */
function isInfrastructure(route: RegisteredRoute): boolean {
  return route.method === 'HEAD' || route.method === 'OPTIONS' || route.path.startsWith('/api/docs');
}

const key = (method: string, path: string) => `${method} ${path}`;

/** Registered routes that have no row: each one fails the suite. */
export function findRoutesWithoutRows(routes: RegisteredRoute[], rows: MatrixRow[]): string[] {
  const covered = new Set(rows.map((row) => key(row.method, row.path)));
  return routes
    .filter((route) => !isInfrastructure(route))
    .map((route) => key(route.method, route.path))
    .filter((route) => !covered.has(route))
    .sort();
}

/** Rows that name no registered route (a typo, or a route since removed). */
export function findRowsWithoutRoutes(routes: RegisteredRoute[], rows: MatrixRow[]): string[] {
  const registered = new Set(routes.map((route) => key(route.method, route.path)));
  return rows.map((row) => key(row.method, row.path)).filter((row) => !registered.has(row));
}
