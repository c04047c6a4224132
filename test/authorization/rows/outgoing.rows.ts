import { randomUUID } from 'node:crypto';
import { only, type Caller, type MatrixRow } from '../matrix.js';

const READERS: Caller[] = ['advisor', 'coordinator', 'admin'];
const OFFICE: Caller[] = ['coordinator', 'admin'];

/** Outgoing mobilities: staff read them; the International Relations Office moves them on. */
export const outgoingRows: MatrixRow[] = [
  { method: 'GET', path: '/api/outgoing', expect: only(READERS, 200) },
  { method: 'GET', path: '/api/outgoing/export.csv', expect: only(OFFICE, 200) },
  {
    method: 'GET',
    path: '/api/outgoing/:id',
    expect: only(READERS, 404),
    prepare: () => ({ url: `/api/outgoing/${randomUUID()}` }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/transition',
    expect: only(OFFICE, 400),
    prepare: () => ({ url: `/api/outgoing/${randomUUID()}/transition`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/outgoing/:id/verification',
    expect: only(OFFICE, 400),
    prepare: () => ({ url: `/api/outgoing/${randomUUID()}/verification`, body: {} }),
  },
  {
    method: 'GET',
    path: '/api/outgoing/:id/events',
    expect: only(READERS, 404),
    prepare: () => ({ url: `/api/outgoing/${randomUUID()}/events` }),
  },
];
