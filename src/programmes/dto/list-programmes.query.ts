import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AcademicTermFiltersDto } from '../../common/dto/academic-term-filters.dto.js';
import { Trimmed, UpperCased } from '../../common/dto/fields.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity.js';

export class ListProgrammesQuery extends IntersectionType(PageQueryDto, AcademicTermFiltersDto) {
  @IsOptional()
  @IsUUID()
  hostInstitutionId?: string;

  /** The host institution's country (ISO 3166-1 alpha-2), e.g. KZ. */
  @IsOptional()
  @UpperCased()
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 country code, such as KZ' })
  countryCode?: string;

  /** true: only programmes taking applications now; false: only those that are not. */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  /** Part of the title, ignoring case and accents. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** Staff only (advisor, coordinator, admin); everyone else sees published programmes only. */
  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES, { message: `status must be one of ${PROGRAMME_STATUSES.join(', ')}` })
  status?: ProgrammeStatus;
}
