import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TERMS, type Term } from '../../common/domain.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { INCOMING_STATUSES, type IncomingStatus } from '../incoming-state.js';
import { IsAcademicYear, IsCalendarDate } from '../../common/dto/fields.js';

/** The filters shared by the list and the CSV export. */
export class IncomingFiltersDto {
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

  @ApiPropertyOptional({ example: '2025/2026' })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @ApiPropertyOptional({ enum: TERMS })
  @IsOptional()
  @IsIn(TERMS)
  term?: Term;

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
