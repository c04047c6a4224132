import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../application-state.js';

export const COMMENT_MAX = 2000;

const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome: DecisionOutcome;

  /** Approve only: the choice to place the student on. Omitted: the highest-ranked choice with a place left. */
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  /** Shown to the student. Required to reject. */
  @Trimmed()
  @ValidateIf((dto: DecisionDto) => dto.outcome === 'reject' || dto.comment !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'comment is required (a rejection states its reason)' })
  @MaxLength(COMMENT_MAX)
  comment?: string;
}
