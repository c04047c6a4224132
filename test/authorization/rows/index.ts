import type { MatrixRow } from '../matrix.js';
import { applicationsRows } from './applications.rows.js';
import { auditRows } from './audit.rows.js';
import { catalogueRows } from './catalogue.rows.js';
import { coordinatorPageRows } from './coordinator-pages.rows.js';
import { coreRows } from './core.rows.js';
import { incomingRows } from './incoming.rows.js';
import { learningAgreementEditPageRows } from './learning-agreement-edit-pages.rows.js';
import { learningAgreementPageRows } from './learning-agreement-pages.rows.js';
import { learningAgreementsRows } from './learning-agreements.rows.js';
import { newsRows } from './news.rows.js';
import { notificationsRows } from './notifications.rows.js';
import { outgoingRows } from './outgoing.rows.js';
import { privacyRows } from './privacy.rows.js';
import { staffPagesRows } from './staff-pages.rows.js';
import { reviewPagesRows } from './review-pages.rows.js';
import { selectionRoundsRows } from './selection-rounds.rows.js';
import { statsRows } from './stats.rows.js';
import { pagesRows } from './pages.rows.js';
import { partnerPageRows } from './partner-pages.rows.js';
import { webRows } from './web.rows.js';

/** The authorization matrix: every route of the portal, one file of rows per feature. */
export const MATRIX_ROWS: MatrixRow[] = [
  ...coreRows,
  ...catalogueRows,
  ...auditRows,
  ...incomingRows,
  ...outgoingRows,
  ...learningAgreementsRows,
  ...learningAgreementEditPageRows,
  ...statsRows,
  ...newsRows,
  ...applicationsRows,
  ...privacyRows,
  ...webRows,
  ...notificationsRows,
  ...coordinatorPageRows,
  ...pagesRows,
  ...staffPagesRows,
  ...reviewPagesRows,
  ...selectionRoundsRows,
  ...partnerPageRows,
  ...learningAgreementPageRows,
];
