import { randomUUID } from 'node:crypto';
import { PARTNERS, pageOnly, type MatrixRow } from '../matrix.js';
import { mobilityOfA } from './outgoing.rows.js';

const partners = (status: number) => pageOnly(PARTNERS, status);

/**
 * A partner coordinator's pages: their home, the nomination form, and the nominations their
 * institution receives (partner A's own one; partner B gets the 404 page).
 */
export const partnerPageRows: MatrixRow[] = [
  { method: 'GET', path: '/:locale/partner', expect: partners(200), prepare: () => ({ url: '/kk/partner' }) },
  {
    method: 'GET',
    path: '/:locale/partner/nominate',
    expect: partners(200),
    prepare: () => ({ url: '/ru/partner/nominate' }),
  },
  // An empty form comes back with its errors; nothing is stored.
  {
    method: 'POST',
    path: '/:locale/partner/nominate',
    expect: partners(400),
    prepare: () => ({ url: '/en/partner/nominate', body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/partner/nominations/:id',
    expect: { ...partners(200), partnerB: 404 },
    prepare: async (context) => ({ url: `/fr/partner/nominations/${await mobilityOfA(context)}` }),
  },
  // A rejection without its reason is refused (nothing changes); partner B does not see the nomination.
  {
    method: 'POST',
    path: '/:locale/partner/nominations/:id/verification',
    expect: { ...partners(400), partnerB: 404 },
    prepare: async (context) => ({
      url: `/en/partner/nominations/${await mobilityOfA(context)}/verification`,
      body: { outcome: 'rejected' },
    }),
  },
  {
    method: 'POST',
    path: '/:locale/partner/nominations/:id/verification',
    expect: partners(404),
    prepare: () => ({
      url: `/en/partner/nominations/${randomUUID()}/verification`,
      body: { outcome: 'verified' },
    }),
  },
];
