import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AcademicTermFiltersDto } from '../../common/dto/academic-term-filters.dto.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { OUTGOING_STATUSES, type OutgoingStatus } from '../outgoing-state.js';

/** The filters shared by the list and the CSV export. */
export class OutgoingFiltersDto extends AcademicTermFiltersDto {
  @ApiPropertyOptional({ enum: OUTGOING_STATUSES })
  @IsOptional()
  @IsIn(OUTGOING_STATUSES)
  status?: OutgoingStatus;

  /** The receiving institution. */
  @IsOptional()
  @IsUUID()
  hostInstitutionId?: string;

  /** Part of the student's name, email or European Student Identifier; accents and case ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ListOutgoingQuery extends IntersectionType(PageQueryDto, OutgoingFiltersDto) {}
