import {
  findRoutesWithoutRows,
  findRowsWithoutRoutes,
  everyone,
  only,
  type MatrixRow,
} from '../authorization/matrix.js';

describe('authorization matrix', () => {
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
      admin: 201,
    });
  });
});
