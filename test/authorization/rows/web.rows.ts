import { everyone, type MatrixRow } from '../matrix.js';

/** The pages' foundation: the root redirect, static files, home, sign-in, registration, sign-out. */
export const webRows: MatrixRow[] = [
  { method: 'GET', path: '/', expect: everyone(302) },
  { method: 'GET', path: '/assets/*', expect: everyone(200), prepare: () => ({ url: '/assets/portal.css' }) },
  { method: 'GET', path: '/assets/htmx.min.js', expect: everyone(200) },
  { method: 'GET', path: '/:locale', expect: everyone(200), prepare: () => ({ url: '/en' }) },
  { method: 'GET', path: '/:locale/sign-in', expect: everyone(200), prepare: () => ({ url: '/fr/sign-in' }) },
  // An empty form comes back with its errors.
  {
    method: 'POST',
    path: '/:locale/sign-in',
    expect: everyone(400),
    prepare: () => ({ url: '/en/sign-in', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/register',
    expect: everyone(200),
    prepare: () => ({ url: '/ru/register' }),
  },
  {
    method: 'POST',
    path: '/:locale/register',
    expect: everyone(400),
    prepare: () => ({ url: '/kk/register', body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/sign-out',
    expect: everyone(303),
    prepare: () => ({ url: '/en/sign-out' }),
  },
];
