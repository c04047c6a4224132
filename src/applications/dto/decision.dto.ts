import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsInstant, Trimmed } from '../../common/dto/fields.js';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../application-state.js';

export const COMMENT_MAX = 2000;

export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome: DecisionOutcome;

  /** Approve only: the choice to place the student on. Omitted: the highest-ranked choice with a place left. */
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  /**
   * Approve only: when the student must have confirmed or declined the place by (an instant with
   * its offset, in the future). Omitted: 7 days after the decision.
   */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  confirmationDeadline?: string;

  /** Shown to the student. Required to reject. */
  @Trimmed()
  @ValidateIf((dto: DecisionDto) => dto.outcome === 'reject' || dto.comment !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'comment is required (a rejection states its reason)' })
  @MaxLength(COMMENT_MAX)
  comment?: string;
}
