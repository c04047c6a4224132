import { randomUUID } from 'node:crypto';
import { everyone, only, SIGNED_IN, type MatrixRow } from '../matrix.js';

/** Health, authentication and account administration. */
export const coreRows: MatrixRow[] = [
  { method: 'GET', path: '/health', expect: everyone(200) },
  { method: 'GET', path: '/health/ready', expect: everyone(200) },
  // Open here: the matrix's app has no METRICS_TOKEN (test/e2e/metrics.e2e-spec.ts sets one).
  { method: 'GET', path: '/metrics', expect: everyone(200) },

  { method: 'POST', path: '/api/auth/register', expect: everyone(400), prepare: () => ({ body: {} }) },
  { method: 'POST', path: '/api/auth/login', expect: everyone(400), prepare: () => ({ body: {} }) },
  { method: 'GET', path: '/api/auth/me', expect: only(SIGNED_IN, 200) },
  { method: 'PATCH', path: '/api/auth/me', expect: only(SIGNED_IN, 200), prepare: () => ({ body: {} }) },
  { method: 'POST', path: '/api/auth/password', expect: only(SIGNED_IN, 400), prepare: () => ({ body: {} }) },

  { method: 'GET', path: '/api/users', expect: only(['admin'], 200) },
  { method: 'POST', path: '/api/users', expect: only(['admin'], 400), prepare: () => ({ body: {} }) },
  {
    method: 'GET',
    path: '/api/users/:id',
    expect: only(['admin'], 404),
    prepare: () => ({ url: `/api/users/${randomUUID()}` }),
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    expect: only(['admin'], 404),
    prepare: () => ({ url: `/api/users/${randomUUID()}`, body: {} }),
  },
];
