import { ApiProperty } from '@nestjs/swagger';
import { TERMS, type Term } from '../../common/domain.js';
import { SELECTION_ROUND_STATUSES, type SelectionRoundStatus } from '../selection-round-state.js';

export const CHOICE_REASONS = ['FULL', 'NOT_ELIGIBLE', 'NOT_IN_ROUND'] as const;
export const INELIGIBILITY_RULES = ['faculty', 'language'] as const;
export const ROUND_OUTCOMES = ['placed', 'waitlisted'] as const;

export class RoundWeightsResponse {
  grade: number;
  language: number;
  motivation: number;
}

/** Why a better-ranked choice was not given. */
export class ChoiceReasonResponse {
  programmeId: string;
  /** The choice's rank in the application (1 is the first wish). */
  rank: number;
  /** `FULL` (places went to higher scores), `NOT_ELIGIBLE` (a rule), `NOT_IN_ROUND` (not allocated by this round). */
  @ApiProperty({ enum: CHOICE_REASONS })
  reason: (typeof CHOICE_REASONS)[number];
  /** FULL: the lowest score placed on it (null when it had no place at all). */
  @ApiProperty({ type: Number, nullable: true })
  cutoffScore: number | null;
  /** NOT_ELIGIBLE: the rule not met. */
  @ApiProperty({ enum: INELIGIBILITY_RULES, nullable: true })
  rule: (typeof INELIGIBILITY_RULES)[number] | null;
}

export class RoundProgrammeResponse {
  programmeId: string;
  title: string;
  places: number;
  /** Places taken when the round was previewed. */
  placesTaken: number;
  /** Places the round could give (places left, plus places held by upgrading applications). */
  capacity: number;
  /** Places the round gives. */
  taken: number;
  /** The lowest score placed on it; null when nobody is. */
  @ApiProperty({ type: Number, nullable: true })
  cutoffScore: number | null;
}

export class RoundStudentResponse {
  id: string;
  firstName: string;
  lastName: string;
}

export class RoundApplicationResponse {
  applicationId: string;
  student: RoundStudentResponse;
  score: number;
  /** Position in the round's order, 1 first. */
  rank: number;
  @ApiProperty({ enum: ROUND_OUTCOMES })
  outcome: (typeof ROUND_OUTCOMES)[number];
  /** The programme given (or kept); null when waitlisted. */
  programmeId: string | null;
  @ApiProperty({ type: Number, nullable: true })
  choiceRank: number | null;
  /** The programme an approved application held when the round ran (rounds with upgrades). */
  heldProgrammeId: string | null;
  /** For each choice ranked above the outcome, why not. */
  reasons: ChoiceReasonResponse[];
}

export class SelectionRoundSummaryResponse {
  id: string;
  academicYear: string;
  @ApiProperty({ enum: TERMS })
  term: Term;
  @ApiProperty({ enum: SELECTION_ROUND_STATUSES })
  status: SelectionRoundStatus;
  weights: RoundWeightsResponse;
  allowUpgrades: boolean;
  applicationCount: number;
  placedCount: number;
  createdById: string;
  createdAt: Date;
  committedById: string | null;
  committedAt: Date | null;
}

/**
 * A round with its programmes (or, once committed, what it applied). Its applications, in the
 * round's order, are a list of their own: GET /api/selection-rounds/:id/results.
 */
export class SelectionRoundResponse extends SelectionRoundSummaryResponse {
  /** The lottery's seed (ties after grade and language level: lower SHA-256(seed ‖ applicationId) first). */
  seed: string;
  programmes: RoundProgrammeResponse[];
}

export class AssessmentResponse {
  applicationId: string;
  motivationRating: number;
  /** For staff only. */
  note: string | null;
  assessedById: string;
  assessedAt: Date;
}

/** A better choice not given, with the programme's title, on the student's application. */
export class SelectionReasonResponse extends ChoiceReasonResponse {
  title: string;
}

/** What the last committed round gave an application, and why. */
export class ApplicationSelectionResponse {
  roundId: string;
  committedAt: Date;
  score: number;
  rank: number;
  /** How many applications the round ranked. */
  applicationCount: number;
  @ApiProperty({ enum: ROUND_OUTCOMES })
  outcome: (typeof ROUND_OUTCOMES)[number];
  programmeId: string | null;
  @ApiProperty({ type: Number, nullable: true })
  choiceRank: number | null;
  reasons: SelectionReasonResponse[];
}
