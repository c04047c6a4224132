import { PARTNERS, pageOnly, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';
import { mobilityOfA } from './outgoing.rows.js';

const OFFICE: Caller[] = ['coordinator', 'admin'];
const STUDENTS: Caller[] = ['student', 'otherStudent'];

/** Partner A's nomination (its student is `otherStudent`): the other student and partner B get the 404 page. */
const ofA = (roles: Caller[], status: number) => {
  const expected = pageOnly(roles, status);
  for (const outsider of ['student', 'partnerB'] as const)
    if (roles.includes(outsider)) expected[outsider] = 404;
  return expected;
};

const page = async (context: MatrixContext) =>
  `/en/outgoing/${await mobilityOfA(context)}/learning-agreement`;

/**
 * The learning agreement's pages: read by its student, staff and the host's partner; the forms are
 * probed empty (the page again with its errors, 400, nothing written) by whoever passes the role
 * guard and sees the mobility. The waiting list is the office's and the partners'.
 */
export const learningAgreementPageRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/:locale/outgoing/:id/learning-agreement',
    expect: ofA([...STUDENTS, 'advisor', ...OFFICE, ...PARTNERS], 200),
    prepare: async (context) => ({ url: await page(context) }),
  },
  {
    method: 'POST',
    path: '/:locale/outgoing/:id/learning-agreement/sign',
    expect: ofA([...STUDENTS, ...OFFICE, ...PARTNERS], 400),
    prepare: async (context) => ({ url: `${await page(context)}/sign`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/outgoing/:id/learning-agreement/comment',
    expect: ofA(PARTNERS, 400),
    prepare: async (context) => ({ url: `${await page(context)}/comment`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/outgoing/:id/learning-agreement/results',
    expect: ofA([...OFFICE, ...PARTNERS], 400),
    prepare: async (context) => ({ url: `${await page(context)}/results`, body: {} }),
  },
  {
    method: 'POST',
    path: '/:locale/outgoing/:id/learning-agreement/recognition',
    expect: ofA(OFFICE, 400),
    prepare: async (context) => ({ url: `${await page(context)}/recognition`, body: {} }),
  },
  {
    method: 'GET',
    path: '/:locale/learning-agreements',
    expect: pageOnly([...OFFICE, ...PARTNERS], 200),
    prepare: () => ({ url: '/ru/learning-agreements' }),
  },
];
