import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CEFR_LEVELS, type CefrLevel } from '../../common/domain.js';

/** An advisor's verification of one declared language skill. */
export class VerifyLanguageSkillDto {
  /** The level the advisor confirmed: the declared one, or the one they found instead. */
  @ApiProperty({ enum: CEFR_LEVELS })
  @IsIn(CEFR_LEVELS)
  cefrLevel: CefrLevel;
}
