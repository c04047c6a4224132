import { randomUUID } from 'node:crypto';
import { only, SIGNED_IN, type MatrixRow } from '../matrix.js';

/** Data-protection requests. */
export const privacyRows: MatrixRow[] = [
  { method: 'GET', path: '/api/auth/me/export', expect: only(SIGNED_IN, 200) },
  {
    method: 'POST',
    path: '/api/users/:id/erase',
    expect: only(['admin'], 404),
    prepare: () => ({ url: `/api/users/${randomUUID()}/erase` }),
  },
];
