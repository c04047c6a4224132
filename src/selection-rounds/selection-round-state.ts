/** The workflow of a selection round (see `src/common/workflow.ts`): a preview, then committed once. */
import { defineWorkflow } from '../common/workflow.js';
import { SelectionRoundErrorCode } from './selection-round-error-codes.js';

export const SELECTION_ROUND_STATUSES = ['preview', 'committed'] as const;
export type SelectionRoundStatus = (typeof SELECTION_ROUND_STATUSES)[number];

export const { canTransition, assertTransition } = defineWorkflow<SelectionRoundStatus>({
  subject: 'A selection round',
  transitions: { preview: ['committed'], committed: [] },
  invalidTransition: SelectionRoundErrorCode.ROUND_ALREADY_COMMITTED,
});

/** Statuses of the applications a round allocates (approved ones too when it allows upgrades). */
export const ROUND_INPUT_STATUSES = ['submitted', 'waitlisted'] as const;
export const MOTIVATION_RATING_MAX = 5;
export const ASSESSMENT_NOTE_MAX = 2000;
/** Statuses in which an application can be rated. */
export const RATEABLE_STATUSES = ['submitted', 'waitlisted', 'approved'] as const;
