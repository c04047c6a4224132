import { randomUUID } from 'node:crypto';
import { pageOnly, type MatrixRow } from '../matrix.js';

const OFFICE = ['coordinator', 'admin'] as const;
const office = (status: number) => pageOnly([...OFFICE], status);
/** Outgoing mobilities: advisors read them too (without the step forms). */
const readers = (status: number) => pageOnly(['advisor', ...OFFICE], status);

/** The coordinator's pages: incoming and outgoing students, staff programmes, agreements, institutions, statistics. */
export const coordinatorPageRows: MatrixRow[] = [
  { method: 'GET', path: '/:locale/incoming', expect: office(200), prepare: () => ({ url: '/en/incoming' }) },
  {
    method: 'GET',
    path: '/:locale/incoming/export.csv',
    expect: office(200),
    prepare: () => ({ url: '/fr/incoming/export.csv' }),
  },
  {
    method: 'GET',
    path: '/:locale/incoming/import',
    expect: office(200),
    prepare: () => ({ url: '/ru/incoming/import' }),
  },
  // A form without a file comes back with its error; nothing is stored.
  {
    method: 'POST',
    path: '/:locale/incoming/import',
    expect: office(400),
    prepare: () => ({ url: '/kk/incoming/import', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/incoming/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/incoming/${randomUUID()}` }),
  },
  {
    method: 'POST',
    path: '/:locale/incoming/:id/transition',
    expect: office(404),
    prepare: () => ({ url: `/en/incoming/${randomUUID()}/transition`, body: { to: 'accepted' } }),
  },
  {
    method: 'GET',
    path: '/:locale/outgoing',
    expect: readers(200),
    prepare: () => ({ url: '/kk/outgoing' }),
  },
  {
    method: 'GET',
    path: '/:locale/outgoing/:id',
    expect: readers(404),
    prepare: () => ({ url: `/en/outgoing/${randomUUID()}` }),
  },
  {
    method: 'GET',
    path: '/:locale/outgoing/:id/ewp.xml',
    expect: readers(404),
    prepare: () => ({ url: `/fr/outgoing/${randomUUID()}/ewp.xml` }),
  },
  {
    method: 'POST',
    path: '/:locale/outgoing/:id/transition',
    expect: office(404),
    prepare: () => ({ url: `/en/outgoing/${randomUUID()}/transition`, body: { to: 'cancelled' } }),
  },
  {
    method: 'GET',
    path: '/:locale/manage/programmes',
    expect: office(200),
    prepare: () => ({ url: '/en/manage/programmes' }),
  },
  {
    method: 'GET',
    path: '/:locale/manage/programmes/new',
    expect: office(200),
    prepare: () => ({ url: '/fr/manage/programmes/new' }),
  },
  {
    method: 'POST',
    path: '/:locale/manage/programmes',
    expect: office(400),
    prepare: () => ({ url: '/en/manage/programmes', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/manage/programmes/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/manage/programmes/${randomUUID()}` }),
  },
  {
    method: 'POST',
    path: '/:locale/manage/programmes/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/manage/programmes/${randomUUID()}`, body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/agreements',
    expect: office(200),
    prepare: () => ({ url: '/en/agreements' }),
  },
  {
    method: 'GET',
    path: '/:locale/agreements/new',
    expect: office(200),
    prepare: () => ({ url: '/ru/agreements/new' }),
  },
  {
    method: 'POST',
    path: '/:locale/agreements',
    expect: office(400),
    prepare: () => ({ url: '/en/agreements', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/agreements/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/agreements/${randomUUID()}` }),
  },
  {
    method: 'POST',
    path: '/:locale/agreements/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/agreements/${randomUUID()}`, body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/manage/institutions',
    expect: office(200),
    prepare: () => ({ url: '/kk/manage/institutions' }),
  },
  {
    method: 'GET',
    path: '/:locale/manage/institutions/new',
    expect: office(200),
    prepare: () => ({ url: '/en/manage/institutions/new' }),
  },
  {
    method: 'POST',
    path: '/:locale/manage/institutions',
    expect: office(400),
    prepare: () => ({ url: '/en/manage/institutions', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/manage/institutions/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/manage/institutions/${randomUUID()}` }),
  },
  {
    method: 'POST',
    path: '/:locale/manage/institutions/:id',
    expect: office(404),
    prepare: () => ({ url: `/en/manage/institutions/${randomUUID()}`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/manage/institutions/:id/faculties',
    expect: office(404),
    prepare: () => ({ url: `/en/manage/institutions/${randomUUID()}/faculties`, body: {} }),
  },
  { method: 'GET', path: '/:locale/stats', expect: office(200), prepare: () => ({ url: '/fr/stats' }) },
];
