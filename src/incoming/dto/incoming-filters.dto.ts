import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { INCOMING_STATUSES, type IncomingStatus } from '../incoming-state.js';
import { AcademicTermFiltersDto } from '../../common/dto/academic-term-filters.dto.js';
import { IsCalendarDate } from '../../common/dto/fields.js';

/** The filters shared by the list and the CSV export. */
export class IncomingFiltersDto extends AcademicTermFiltersDto {
  @ApiPropertyOptional({ enum: INCOMING_STATUSES })
  @IsOptional()
  @IsIn(INCOMING_STATUSES)
  status?: IncomingStatus;

  @IsOptional()
  @IsUUID()
  homeInstitutionId?: string;

  @IsOptional()
  @IsUUID()
  hostFacultyId?: string;

  /** Part of the name or email, in any script; accents and case are ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** YYYY-MM-DD: only students on campus that day (arrived on or before it, not departed before it). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  presentOn?: string;
}

export class ListIncomingQuery extends IntersectionType(PageQueryDto, IncomingFiltersDto) {}
