import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { TERMS, type Term } from '../../common/domain.js';
import { IsAcademicYear } from '../../common/dto/fields.js';

export const WEIGHT_MAX = 100;

/** How much each part counts in the score: `grade·gradeAverage/20 + language·level/6 + motivation·rating/5`. */
export class RoundWeightsDto {
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(WEIGHT_MAX)
  grade: number;

  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(WEIGHT_MAX)
  language: number;

  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(WEIGHT_MAX)
  motivation: number;
}

/** A new selection round: it computes and stores the preview, and changes nothing else. */
export class CreateSelectionRoundDto {
  /** `2026/2027` */
  @ApiProperty({ example: '2026/2027' })
  @IsAcademicYear()
  academicYear: string;

  @ApiProperty({ enum: TERMS })
  @IsIn(TERMS, { message: `term must be one of ${TERMS.join(', ')}` })
  term: Term;

  @IsObject({ message: 'weights must be an object { grade, language, motivation }' })
  @ValidateNested()
  @Type(() => RoundWeightsDto)
  weights: RoundWeightsDto;

  /** Approved students may move up to a better-ranked choice, freeing their place for others. */
  @IsOptional()
  @IsBoolean()
  allowUpgrades?: boolean;
}
