import { pageOnly, type Caller, type MatrixRow } from '../matrix.js';
import { mobilityOfA } from './outgoing.rows.js';

/** Who edits partner A's nomination's agreement (its student is `otherStudent`) and the home office. */
const EDITORS: Caller[] = ['otherStudent', 'coordinator', 'admin'];

/**
 * The learning-agreement edit page: its student and the home office; the other student gets the
 * service's 404 page, every other role (partners, advisor, editor) the 403 page. The POST sends a
 * row with credits that are not a number: 400 beside the cell, nothing saved.
 */
export const learningAgreementEditPageRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/:locale/outgoing/:id/learning-agreement/edit',
    expect: { ...pageOnly(EDITORS, 200), student: 404 },
    prepare: async (context) => ({
      url: `/kk/outgoing/${await mobilityOfA(context)}/learning-agreement/edit`,
    }),
  },
  {
    method: 'POST',
    path: '/:locale/outgoing/:id/learning-agreement/edit',
    expect: { ...pageOnly(EDITORS, 400), student: 404 },
    prepare: async (context) => ({
      url: `/en/outgoing/${await mobilityOfA(context)}/learning-agreement/edit`,
      body: { mode: 'draft', 'tableA.0.title': 'Matrix course', 'tableA.0.ects': 'many' },
    }),
  },
];
