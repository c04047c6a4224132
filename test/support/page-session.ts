import type { HttpClient, TestResponse } from './test-app.js';

/** The CSRF pair a browser holds after opening any page: the `_csrf` cookie and the form's token. */
export interface CsrfPair {
  cookie: string;
  token: string;
}

/** Opens a page as a fresh browser would and keeps its CSRF cookie and token. */
export async function csrfPair(http: HttpClient, path = '/en/sign-in'): Promise<CsrfPair> {
  const response = await http.get(path, { redirect: 'manual' });
  const cookie = /(_csrf=[^;]+)/.exec(response.headers['set-cookie'] ?? '')?.[1];
  const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
  if (!cookie || !token) throw new Error(`No CSRF cookie or token on ${path} (${response.status})`);
  return { cookie, token };
}

/** A form's fields as a browser sends them (`application/x-www-form-urlencoded`). */
export function formBody(fields: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value ?? []].flat()) params.append(name, item);
  }
  return params.toString();
}

/**
 * A page request as a browser makes it: the session cookie (the same signed claims as a token)
 * instead of a bearer token, redirects not followed, and for a POST the CSRF cookie and the
 * form's token unless `csrf` is false.
 */
export async function pageRequest(
  http: HttpClient,
  method: string,
  path: string,
  options: {
    session?: string;
    fields?: Record<string, string | string[] | undefined>;
    csrf?: CsrfPair | false;
    query?: Record<string, string>;
  } = {},
): Promise<TestResponse> {
  const cookies: string[] = [];
  if (options.session) cookies.push(`portal_session=${options.session}`);
  const fields = { ...options.fields };
  if (method !== 'GET' && options.csrf !== false) {
    const pair = options.csrf ?? (await csrfPair(http));
    cookies.push(pair.cookie);
    fields._csrf = pair.token;
  }
  return http.request(method, path, {
    redirect: 'manual',
    query: options.query,
    headers: {
      ...(cookies.length > 0 ? { cookie: cookies.join('; ') } : {}),
      ...(method !== 'GET' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      accept: 'text/html',
    },
    body: method !== 'GET' ? formBody(fields) : undefined,
  });
}
