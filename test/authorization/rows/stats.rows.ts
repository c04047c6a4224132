import { only, type MatrixRow } from '../matrix.js';

/** Statistics: the International Relations Office only. */
export const statsRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/stats/overview',
    expect: only(['coordinator', 'admin'], 200),
    prepare: () => ({ query: { academicYear: '2025/2026' } }),
  },
];
