import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsAcademicYear, Omittable } from '../../common/dto/fields.js';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
} from '../agreement.entity.js';
import { LanguageRequirementDto } from './language-requirement.dto.js';

export class CreateAgreementDto {
  /** The partner institution (not the home institution). */
  @IsUUID()
  partnerInstitutionId: string;

  /** A faculty of the home institution, when the agreement is not university-wide. */
  @IsOptional()
  @IsUUID()
  facultyId?: string | null;

  @ApiProperty({ enum: AGREEMENT_KINDS })
  @IsIn(AGREEMENT_KINDS, { message: `kind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  kind: AgreementKind;

  /** ISCED-F 2013 detailed fields (4 digits), e.g. ["0231"]. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(/^\d{4}$/, { each: true, message: 'subjectAreas must be ISCED-F codes of 4 digits, such as 0231' })
  subjectAreas?: string[];

  /** Recommended language skill, or null for none. */
  @ApiPropertyOptional({ type: LanguageRequirementDto, nullable: true })
  @IsOptional()
  @IsObject({ message: 'languageRequirement must be an object { language, cefrLevel } or null' })
  @ValidateNested()
  @Type(() => LanguageRequirementDto)
  languageRequirement?: LanguageRequirementDto | null;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  outgoingPlacesPerYear: number;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  incomingPlacesPerYear: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  monthsPerMobility: number;

  /** e.g. 2025/2026 */
  @IsAcademicYear()
  firstAcademicYear: string;

  /** e.g. 2027/2028; not before firstAcademicYear. */
  @IsAcademicYear()
  lastAcademicYear: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES, default: 'draft' })
  @Omittable()
  @IsIn(AGREEMENT_STATUSES, { message: `status must be one of ${AGREEMENT_STATUSES.join(', ')}` })
  status?: AgreementStatus;
}
