import { randomUUID } from 'node:crypto';
import { only, type MatrixRow } from '../matrix.js';

const OFFICE = ['coordinator', 'admin'] as const;

/** Incoming mobilities: the International Relations Office only. */
export const incomingRows: MatrixRow[] = [
  { method: 'GET', path: '/api/incoming', expect: only([...OFFICE], 200) },
  { method: 'POST', path: '/api/incoming', expect: only([...OFFICE], 400), prepare: () => ({ body: {} }) },
  { method: 'GET', path: '/api/incoming/export.csv', expect: only([...OFFICE], 200) },
  {
    method: 'POST',
    path: '/api/incoming/import',
    expect: only([...OFFICE], 400),
    // A CSV whose header is wrong: the office gets 400, nothing is stored.
    prepare: () => ({ body: 'not,the,header\n', headers: { 'content-type': 'text/csv' } }),
  },
  {
    method: 'GET',
    path: '/api/incoming/:id',
    expect: only([...OFFICE], 404),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}` }),
  },
  {
    method: 'PATCH',
    path: '/api/incoming/:id',
    expect: only([...OFFICE], 404),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/incoming/:id/transition',
    expect: only([...OFFICE], 400),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}/transition`, body: {} }),
  },
  {
    method: 'GET',
    path: '/api/incoming/:id/events',
    expect: only([...OFFICE], 404),
    prepare: () => ({ url: `/api/incoming/${randomUUID()}/events` }),
  },
];
