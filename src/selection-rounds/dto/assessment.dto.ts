import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trimmed } from '../../common/dto/fields.js';
import { ASSESSMENT_NOTE_MAX, MOTIVATION_RATING_MAX } from '../selection-round-state.js';

/** A staff member's rating of an application's motivation. */
export class AssessmentDto {
  /** 0 (none) to 5 (outstanding). */
  @IsInt()
  @Min(0)
  @Max(MOTIVATION_RATING_MAX)
  motivationRating: number;

  /** For staff only; never shown to the student. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(ASSESSMENT_NOTE_MAX)
  note?: string;
}
