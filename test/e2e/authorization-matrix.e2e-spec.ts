import { registeredRoutes } from '../../src/app.factory.js';
import {
  CALLERS,
  everyone,
  findRoutesWithoutRows,
  findRowsWithoutRoutes,
  only,
  isPageRoute,
  type MatrixContext,
  type MatrixRow,
} from '../authorization/matrix.js';
import { MATRIX_ROWS } from '../authorization/rows/index.js';
import { insertInstitution } from '../support/catalogue-fixtures.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp } from '../support/test-app.js';

describe('Authorization matrix (e2e)', () => {
  let t: TestApp;
  let context: MatrixContext;

  beforeAll(async () => {
    t = await bootApp();
    const partnerA = await insertInstitution(t, { name: 'Matrix partner A', countryCode: 'KZ' });
    const partnerB = await insertInstitution(t, { name: 'Matrix partner B', countryCode: 'UZ' });
    context = {
      t,
      partnerInstitutions: { a: partnerA.id, b: partnerB.id },
      users: {
        partnerA: await t.createUser('partner', { institutionId: partnerA.id }),
        partnerB: await t.createUser('partner', { institutionId: partnerB.id }),
        student: await t.createUser('student'),
        otherStudent: await t.createUser('student'),
        advisor: await t.createUser('advisor'),
        coordinator: await t.createUser('coordinator'),
        editor: await t.createUser('editor'),
        admin: await t.createUser('admin'),
      },
    };
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    expect(findRoutesWithoutRows(routes, MATRIX_ROWS)).toEqual([]);
    expect(findRowsWithoutRoutes(routes, MATRIX_ROWS)).toEqual([]);
  });

  it('gives every caller the status its row states', async () => {
    const mismatches: string[] = [];
    for (const row of MATRIX_ROWS) {
      for (const caller of CALLERS) {
        const prepared = (await row.prepare?.(context, caller)) ?? {};
        const token = caller === 'anonymous' ? undefined : context.users[caller].token;
        const response = isPageRoute(row.path)
          ? await pageRequest(t.http, row.method, prepared.url ?? row.path, {
              session: token,
              fields: prepared.body as Record<string, string> | undefined,
              query: prepared.query,
            })
          : await t.http.request(row.method, prepared.url ?? row.path, {
              token,
              body: prepared.body,
              query: prepared.query,
              headers: prepared.headers,
            });
        if (response.status !== row.expect[caller]) {
          mismatches.push(
            `${row.method} ${row.path} as ${caller}: expected ${row.expect[caller]}, got ${response.status} ${response.text.slice(0, 160)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every route times nine callers, on a machine shared with other suites.
  }, 240_000);
});

/** The matrix's own checks, without the app: a check that cannot fail would let a route slip through. */
describe('Authorization matrix checks', () => {
  const rows: MatrixRow[] = [
    { method: 'GET', path: '/api/things', expect: everyone(200) },
    { method: 'POST', path: '/api/things', expect: only(['admin'], 201) },
  ];

  it('reports a registered route that has no row', () => {
    const routes = [
      { method: 'GET', path: '/api/things' },
      { method: 'POST', path: '/api/things' },
      { method: 'DELETE', path: '/api/things/:id' },
    ];
    expect(findRoutesWithoutRows(routes, rows)).toEqual(['DELETE /api/things/:id']);
  });

  it('ignores HEAD twins and the Swagger UI assets, but not the API', () => {
    const routes = [
      { method: 'HEAD', path: '/api/things' },
      { method: 'GET', path: '/api/docs/swagger-ui.css' },
      { method: 'GET', path: '/api/things' },
      { method: 'POST', path: '/api/things' },
    ];
    expect(findRoutesWithoutRows(routes, rows)).toEqual([]);
  });

  it('reports a row whose route does not exist', () => {
    expect(findRowsWithoutRoutes([{ method: 'GET', path: '/api/things' }], rows)).toEqual([
      'POST /api/things',
    ]);
  });

  it('builds expectations: anonymous 401, other roles 403, the named roles their status', () => {
    expect(only(['admin'], 201)).toEqual({
      anonymous: 401,
      student: 403,
      otherStudent: 403,
      advisor: 403,
      coordinator: 403,
      editor: 403,
      partnerA: 403,
      partnerB: 403,
      admin: 201,
    });
  });
});
