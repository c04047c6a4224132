import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import pg from 'pg';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { registeredRoutes } from '../../src/app.factory.js';
import { nastyBody, nastyQuery } from '../fuzz/nasty-values.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * Property-based fuzzing of every route, as every role: generated bodies for write routes and
 * generated query strings for reads. No answer may be a 5xx; every 4xx names the problem; and a
 * rejected request leaves the database as it was.
 *
 * Runs on a database of its own, so other test files writing at the same time cannot disturb the
 * "nothing changed" fingerprint. FUZZ_RUNS sets the runs per route (`npm run fuzz` sets thousands).
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 60);
const CALLERS = ['anonymous', 'student', 'advisor', 'coordinator', 'editor', 'admin'] as const;
// Side effects that are themselves the point of a rejection: the audit trail of failed logins and
// the login attempt counters.
const NOT_FINGERPRINTED = new Set(['audit_log', 'login_attempts', 'typeorm_migrations', 'typeorm_metadata']);

interface OpenApiOperation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}

describe('Fuzzing every route (e2e)', () => {
  let t: TestApp;
  let admin: pg.Client;
  let database: pg.Client;
  let databaseName: string;
  let tokens: Record<(typeof CALLERS)[number], string | undefined>;
  let existingIds: string[];
  const idsByTable: Record<string, string[]> = {};
  let slugs: string[];
  let openApi: {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  let fingerprintSql: string;

  beforeAll(async () => {
    const serverUrl = new URL(process.env.DATABASE_URL!);
    databaseName = `portal_fuzz_test_${process.pid}_${Date.now()}`;
    admin = new pg.Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    serverUrl.pathname = `/${databaseName}`;
    t = await bootApp({ DATABASE_URL: serverUrl.toString() });
    database = new pg.Client({ connectionString: serverUrl.toString() });
    await database.connect();

    const users: Record<string, TestUser> = {};
    for (const role of ['student', 'advisor', 'coordinator', 'editor', 'admin'] as const)
      users[role] = await t.createUser(role);
    tokens = {
      anonymous: undefined,
      ...Object.fromEntries(Object.entries(users).map(([role, user]) => [role, user.token])),
    } as typeof tokens;

    const tables: Array<{ table_name: string }> = (
      await database.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows;
    const fingerprinted = tables.map((row) => row.table_name).filter((name) => !NOT_FINGERPRINTED.has(name));
    // Row count and a hash of every row's text: any insert, update or delete changes it.
    fingerprintSql = `SELECT ${fingerprinted
      .map(
        (name) =>
          `(SELECT count(*) || ':' || coalesce(md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))), '') FROM "${name}" x) AS "${name}"`,
      )
      .join(', ')}`;

    await createOneOfEverything(users);
    existingIds = [];
    for (const { table_name: name } of tables) {
      const hasId = await database.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'id' AND data_type = 'uuid'`,
        [name],
      );
      if (!hasId.rowCount) continue;
      idsByTable[name] = (await database.query(`SELECT id FROM "${name}" LIMIT 3`)).rows.map(
        (row) => row.id as string,
      );
      existingIds.push(...idsByTable[name]);
    }
    slugs = (
      await database.query(`SELECT slug FROM news_articles LIMIT 2`).catch(() => ({ rows: [] }))
    ).rows.map((row) => row.slug as string);
    openApi = (await t.http.get('/api/docs-json')).body;
  }, 120_000);

  afterAll(async () => {
    await database?.end();
    await t?.close();
    await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin?.end();
  });

  const fingerprint = async () => JSON.stringify((await database.query(fingerprintSql)).rows[0]);

  /**
   * The DTO class a route validates its body (or query) with, read from Nest's own metadata: the
   * OpenAPI operationId names the controller and method, the method's parameter types give the
   * class. (The OpenAPI schemas alone are thin in tests: the Swagger CLI plugin only runs in
   * `nest build`.)
   */
  function dtoOf(operation: OpenApiOperation | undefined, source: 'body' | 'query'): object | undefined {
    const [controllerName, methodName] = (operation?.operationId ?? '').split('_');
    const paramType = source === 'body' ? RouteParamtypes.BODY : RouteParamtypes.QUERY;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const controller of module.controllers.keys()) {
        if (typeof controller !== 'function' || controller.name !== controllerName) continue;
        const args: Record<string, { index: number; data?: unknown }> =
          Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {};
        const types: object[] =
          Reflect.getMetadata('design:paramtypes', controller.prototype, methodName) ?? [];
        const argument = Object.entries(args).find(
          ([key, value]) => key.startsWith(`${paramType}:`) && !value.data,
        );
        if (argument) return types[argument[1].index];
      }
    }
    return undefined;
  }

  /** The validated property names of a DTO class, inherited ones included. */
  function propertiesOf(dto: object | undefined): string[] {
    if (!dto) return [];
    const storage = getMetadataStorage() as unknown as {
      getTargetValidationMetadatas(
        target: object,
        schema: string,
        always: boolean,
        strict: boolean,
      ): Array<{ propertyName: string }>;
    };
    return [
      ...new Set(
        storage.getTargetValidationMetadatas(dto, '', false, false).map((meta) => meta.propertyName),
      ),
    ];
  }

  /**
   * Records of every kind for the routes to act on: a published programme with an open window,
   * a draft and a submitted application, an incoming mobility, a news draft.
   */
  async function createOneOfEverything(users: Record<string, TestUser>): Promise<void> {
    const as = (role: string) => ({ token: users[role].token });
    const [home] = (await database.query(`SELECT id FROM institutions WHERE NOT is_home LIMIT 1`)).rows;
    const [faculty] = (
      await database.query(
        `SELECT f.id FROM faculties f JOIN institutions i ON i.id = f.institution_id WHERE i.is_home LIMIT 1`,
      )
    ).rows;
    const day = 24 * 60 * 60 * 1000;
    const programme = await t.http.post(
      '/api/programmes',
      {
        title: 'Fuzz semester',
        hostInstitutionId: home.id,
        academicYear: '2026/2027',
        term: 'spring',
        startDate: new Date(Date.now() + 60 * day).toISOString().slice(0, 10),
        endDate: new Date(Date.now() + 180 * day).toISOString().slice(0, 10),
        applicationOpensAt: new Date(Date.now() - day).toISOString(),
        applicationClosesAt: new Date(Date.now() + 30 * day).toISOString(),
        places: 3,
        status: 'published',
      },
      as('coordinator'),
    );
    expect(programme.status).toBe(201);
    const motivation =
      'A semester abroad to study languages, culture and the region, for my translation degree.';
    const drafted = await t.http.post(
      '/api/applications',
      { choices: [programme.body.id], motivation },
      as('student'),
    );
    expect(drafted.status).toBe(201);
    const other = await t.createUser('student');
    const submitted = await t.http.post(
      '/api/applications',
      { choices: [programme.body.id], motivation },
      { token: other.token },
    );
    expect(
      (await t.http.post(`/api/applications/${submitted.body.id}/submit`, {}, { token: other.token })).status,
    ).toBe(200);
    const incoming = await t.http.post(
      '/api/incoming',
      {
        firstName: 'Әлия',
        lastName: 'Нұрланқызы',
        email: 'aliya@fuzz.example',
        homeInstitutionId: home.id,
        hostFacultyId: faculty.id,
        academicYear: '2026/2027',
        term: 'spring',
        plannedArrival: '2027-02-01',
        plannedDeparture: '2027-06-30',
      },
      as('coordinator'),
    );
    expect(incoming.status).toBe(201);
    const news = await t.http.post(
      '/api/news',
      {
        title: 'Fuzz draft',
        summary: 'A draft',
        body: 'Some *Markdown*',
        authorName: 'Fuzz',
        categories: ['Research'],
      },
      as('editor'),
    );
    expect(news.status).toBe(201);
  }

  /** The table whose ids a route's `:id` names, from its first path segment. */
  const TABLE_OF_RESOURCE: Record<string, string> = {
    users: 'users',
    institutions: 'institutions',
    agreements: 'agreements',
    programmes: 'programmes',
    applications: 'applications',
    incoming: 'incoming_mobilities',
    news: 'news_articles',
  };

  const pathParameter = (path: string) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          ...(idsByTable[TABLE_OF_RESOURCE[path.split('/')[2]]] ?? ['00000000-0000-4000-8000-000000000000']),
        ),
      },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          ...(existingIds.length ? existingIds : ['00000000-0000-4000-8000-000000000000']),
        ),
      },
      { weight: 1, arbitrary: fc.uuid() },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...slugs, 'not-a-uuid', '%00', '..', 'export.csv', 'x'.repeat(300)),
      },
    );

  it('never answers 5xx, always names the problem of a 4xx, and changes nothing on a rejection', async () => {
    const routes = registeredRoutes(t.app).filter(
      (route) => !['HEAD', 'OPTIONS'].includes(route.method) && !route.path.startsWith('/api/docs'),
    );
    expect(routes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let routesWithKnownFields = 0;

    for (const route of routes) {
      const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = openApi.paths[openApiPath]?.[route.method.toLowerCase()];
      const isWrite = route.method !== 'GET';
      const queryNames = propertiesOf(dtoOf(operation, 'query'));
      const parameterNames = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
      const fieldNames = isWrite ? propertiesOf(dtoOf(operation, 'body')) : [];
      if (fieldNames.length > 0 || queryNames.length > 0) routesWithKnownFields += 1;

      const problemsBefore = problems.length;
      await fc
        .assert(
          fc.asyncProperty(
            fc.constantFrom(...CALLERS),
            fc.array(pathParameter(route.path), {
              minLength: parameterNames.length,
              maxLength: parameterNames.length,
            }),
            isWrite ? nastyBody(fieldNames) : fc.constant(undefined),
            nastyQuery(queryNames),
            async (caller, parameters, body, query) => {
              let url = route.path;
              parameterNames.forEach(
                (name, index) => (url = url.replace(`:${name}`, encodeURIComponent(parameters[index]))),
              );
              const before = isWrite ? await fingerprint() : '';
              const response = await t.http.request(route.method, url, {
                token: tokens[caller],
                body: isWrite ? (body === undefined ? 'null' : JSON.stringify(body)) : undefined,
                headers: isWrite ? { 'content-type': 'application/json' } : undefined,
                query: isWrite ? undefined : query,
              });
              statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
              const where = `${route.method} ${url} as ${caller}`;
              if (response.status >= 500) {
                problems.push(
                  `${where} -> ${response.status} ${response.text.slice(0, 200)} body=${JSON.stringify(body)?.slice(0, 200)} query=${JSON.stringify(query)}`,
                );
                return false;
              }
              if (response.status >= 400) {
                const message = (response.body as { message?: unknown })?.message;
                if (typeof message !== 'string' || message.length === 0) {
                  problems.push(
                    `${where} -> ${response.status} without a message: ${response.text.slice(0, 200)}`,
                  );
                  return false;
                }
                if (isWrite && (await fingerprint()) !== before) {
                  problems.push(
                    `${where} -> ${response.status} but the database changed; body=${JSON.stringify(body)?.slice(0, 300)}`,
                  );
                  return false;
                }
              }
              return true;
            },
          ),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch((error: unknown) => {
          // A property that returned false has already said why; anything else (a thrown error)
          // is reported here, so no failure is swallowed.
          if (problems.length === problemsBefore) {
            problems.push(`${route.method} ${route.path}: ${String(error).slice(0, 500)}`);
          }
        });
    }
    expect(problems).toEqual([]);
    const sent = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    expect(sent).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
    // The inputs reach past the guard and the validation: some are refused, some pass.
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
    // Most routes are fuzzed with their own field names, so generated inputs reach the rules.
    expect(routesWithKnownFields).toBeGreaterThan(30);
  }, 900_000);
});
