import { randomUUID } from 'node:crypto';
import { pageOnly, type Caller, type MatrixRow } from '../matrix.js';

const WRITERS: Caller[] = ['editor', 'admin'];
const ADMINS: Caller[] = ['admin'];

/** The editors' news desk and the admins' user and audit pages (with the session cookie). */
export const staffPagesRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/:locale/editor/news',
    expect: pageOnly(WRITERS, 200),
    prepare: () => ({ url: '/en/editor/news?status=published' }),
  },
  {
    method: 'GET',
    path: '/:locale/editor/news/new',
    expect: pageOnly(WRITERS, 200),
    prepare: () => ({ url: '/fr/editor/news/new' }),
  },
  {
    // An empty form: those who pass the guard get the form back with its errors.
    method: 'POST',
    path: '/:locale/editor/news/new',
    expect: pageOnly(WRITERS, 400),
    prepare: () => ({ url: '/en/editor/news/new', body: { title: '' } }),
  },
  {
    method: 'POST',
    path: '/:locale/editor/news/preview',
    expect: pageOnly(WRITERS, 200),
    prepare: () => ({ url: '/ru/editor/news/preview', body: { body: '**Matrix**' } }),
  },
  {
    method: 'GET',
    path: '/:locale/editor/news/:id/edit',
    expect: pageOnly(WRITERS, 404),
    prepare: () => ({ url: `/en/editor/news/${randomUUID()}/edit` }),
  },
  {
    method: 'POST',
    path: '/:locale/editor/news/:id/edit',
    expect: pageOnly(WRITERS, 404),
    prepare: () => ({ url: `/kk/editor/news/${randomUUID()}/edit`, body: { title: 'Matrix' } }),
  },
  {
    method: 'POST',
    path: '/:locale/editor/news/:id/publish',
    expect: pageOnly(WRITERS, 404),
    prepare: () => ({ url: `/en/editor/news/${randomUUID()}/publish`, body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/admin/users',
    expect: pageOnly(ADMINS, 200),
    prepare: () => ({ url: '/en/admin/users?role=student&q=matrix' }),
  },
  {
    method: 'GET',
    path: '/:locale/admin/users/new',
    expect: pageOnly(ADMINS, 200),
    prepare: () => ({ url: '/fr/admin/users/new' }),
  },
  {
    method: 'POST',
    path: '/:locale/admin/users/new',
    expect: pageOnly(ADMINS, 400),
    prepare: () => ({ url: '/en/admin/users/new', body: { email: 'not-an-email' } }),
  },
  {
    method: 'GET',
    path: '/:locale/admin/users/:id',
    expect: pageOnly(ADMINS, 404),
    prepare: () => ({ url: `/en/admin/users/${randomUUID()}` }),
  },
  {
    method: 'POST',
    path: '/:locale/admin/users/:id/role',
    expect: pageOnly(ADMINS, 404),
    prepare: () => ({ url: `/ru/admin/users/${randomUUID()}/role`, body: { role: 'editor' } }),
  },
  {
    method: 'POST',
    path: '/:locale/admin/users/:id/deactivate',
    expect: pageOnly(ADMINS, 404),
    prepare: () => ({ url: `/en/admin/users/${randomUUID()}/deactivate`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/admin/users/:id/activate',
    expect: pageOnly(ADMINS, 404),
    prepare: () => ({ url: `/en/admin/users/${randomUUID()}/activate`, body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/admin/users/:id/erase',
    expect: pageOnly(ADMINS, 404),
    prepare: () => ({ url: `/kk/admin/users/${randomUUID()}/erase` }),
  },
  {
    method: 'POST',
    path: '/:locale/admin/users/:id/erase',
    expect: pageOnly(ADMINS, 404),
    prepare: () => ({ url: `/en/admin/users/${randomUUID()}/erase`, body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/admin/audit',
    expect: pageOnly(ADMINS, 200),
    prepare: () => ({ url: '/en/admin/audit?action=user.deactivated&from=2026-01-01' }),
  },
];
