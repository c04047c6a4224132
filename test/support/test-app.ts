import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { AuthService } from '../../src/auth/auth.service.js';
import { PasswordService } from '../../src/users/password.service.js';
import type { Role } from '../../src/users/role.js';
import { User } from '../../src/users/user.entity.js';
import { fileDatabaseUrl } from './file-database.js';
import { conformanceOf } from './openapi-conformance.js';

export const TEST_PASSWORD = 'Portal-test-password-1';
export const TEST_ADMIN = { email: 'admin@test.portal', password: 'Admin-password-for-tests-1' };

export interface TestResponse<T = any> {
  status: number;
  body: T;
  text: string;
  /** The body as received, for what is not text (a PDF). */
  bytes: Uint8Array;
  headers: Record<string, string>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** 'manual' to see a redirect itself (pages answer 303) rather than where it leads. */
  redirect?: RequestRedirect;
}

/**
 * Real HTTP requests to the app listening on a loopback port: routing, hooks, guards, pipes and
 * filters all run as in production. Every success answer is checked against the OpenAPI document
 * the app serves (see openapi-conformance.ts): one that does not match fails the request, so the
 * whole e2e suite keeps the document true, field by field.
 */
export class HttpClient {
  constructor(private readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const isRaw = typeof options.body === 'string' || Buffer.isBuffer(options.body);
    if (options.body !== undefined && !isRaw) headers['content-type'] ??= 'application/json';
    const response = await fetch(url, {
      method,
      headers,
      redirect: options.redirect ?? 'follow',
      body:
        options.body === undefined
          ? undefined
          : isRaw
            ? (options.body as string)
            : JSON.stringify(options.body),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const contentType = response.headers.get('content-type') ?? '';
    const isJson = contentType.includes('json') && text.length > 0;
    const body = (isJson ? JSON.parse(text) : text) as T;
    const problems = (await conformanceOf(this.baseUrl)).problems({
      method,
      path: url.pathname,
      status: response.status,
      contentType,
      body,
      text,
    });
    if (problems.length > 0) {
      throw new Error(`The response does not match the OpenAPI document:\n${problems.join('\n')}`);
    }
    return {
      status: response.status,
      body,
      text,
      bytes,
      headers: Object.fromEntries(response.headers.entries()),
    };
  }

  get<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('GET', url, options);
  }
  post<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', url, { ...options, body });
  }
  patch<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', url, { ...options, body });
  }
  delete<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('DELETE', url, options);
  }
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  dataSource: DataSource;
  /** Makes a user straight in the database (with TEST_PASSWORD) and a real token for them. */
  createUser(role: Role, fields?: Partial<User>): Promise<TestUser>;
  close(): Promise<void>;
}

let sharedHash: Promise<string> | undefined;

/**
 * Boots the real AppModule, configured by createApp exactly as main.ts does. `environment`
 * overrides variables for this app only (e.g. `{ RATE_LIMIT_PER_MINUTE: '5' }`). Unless it names
 * a DATABASE_URL, the app uses its test file's own database (see file-database.ts).
 */
export async function bootApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const app = await createApp({ DATABASE_URL: await fileDatabaseUrl(), ...environment });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const dataSource = app.get(DataSource);
  const auth = app.get(AuthService);
  // Hashing at full scrypt cost takes a while: one hash serves every fixture user of the file.
  sharedHash ??= app.get(PasswordService).hash(TEST_PASSWORD);

  return {
    app,
    http: new HttpClient(`http://127.0.0.1:${port}`),
    dataSource,
    async createUser(role, fields = {}) {
      const email = fields.email ?? `${role}-${randomUUID().slice(0, 12)}@test.portal`;
      const user = await dataSource.getRepository(User).save({
        email,
        passwordHash: await sharedHash!,
        firstName: fields.firstName ?? role[0].toUpperCase() + role.slice(1),
        lastName: fields.lastName ?? `Tester ${randomUUID().slice(0, 4)}`,
        role,
        ...fields,
      });
      return { id: user.id, email, role, token: await auth.issueToken(user) };
    },
    close: () => app.close(),
  };
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 12)}@test.portal`;
