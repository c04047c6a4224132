import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CEFR_LEVELS, type CefrLevel } from '../../common/domain.js';
import { IsDecimal, LowerCased } from '../../common/dto/fields.js';
import { MAX_CHOICES, MOTIVATION_MAX } from '../application-state.js';

export class LanguageSkillDto {
  /** ISO 639-1 code, lower case (`ru`, `kk`, `en`, ...) */
  @LowerCased()
  @IsString()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code of two letters' })
  language: string;

  @ApiProperty({ enum: CEFR_LEVELS })
  @IsIn(CEFR_LEVELS)
  cefrLevel: CefrLevel;
}

export class CreateApplicationDto {
  /** Programme ids, first wish first: 1 to 3 distinct published programmes of one academic year and term. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHOICES)
  @ArrayUnique({ message: 'choices must not repeat a programme' })
  @IsUUID('all', { each: true })
  choices: string[];

  /** Why this mobility; 50 to 5,000 characters to submit, anything up to 5,000 in a draft. */
  @IsOptional()
  @IsString()
  @MaxLength(MOTIVATION_MAX)
  motivation?: string;

  /** Grade average on the Belgian scale, 0 to 20, two decimals at most. */
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(20)
  gradeAverage?: number;

  /** One entry per language (at most 10). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageSkillDto)
  @ArrayUnique((skill: LanguageSkillDto | undefined) => skill?.language, {
    message: 'languageSkills must not list a language twice',
  })
  languageSkills?: LanguageSkillDto[];
}
