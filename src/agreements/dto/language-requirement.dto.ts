import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO6391 } from 'class-validator';
import { CEFR_LEVELS, type CefrLevel } from '../../common/domain.js';
import { LowerCased } from '../../common/dto/fields.js';

/** A language skill: an ISO 639-1 language at a CEFR level. */
export class LanguageRequirementDto {
  /** ISO 639-1 code, e.g. ru or en. */
  @LowerCased()
  @IsISO6391({ message: 'language must be an ISO 639-1 language code, such as ru or en' })
  language: string;

  @ApiProperty({ enum: CEFR_LEVELS })
  @IsIn(CEFR_LEVELS, { message: `cefrLevel must be one of ${CEFR_LEVELS.join(', ')}` })
  cefrLevel: CefrLevel;
}
