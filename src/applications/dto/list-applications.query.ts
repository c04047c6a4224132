import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AcademicTermFiltersDto } from '../../common/dto/academic-term-filters.dto.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application-state.js';

export class ListApplicationsQuery extends IntersectionType(PageQueryDto, AcademicTermFiltersDto) {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  /** Applications that name this programme among their choices. */
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  /** Part of the student's name or email. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
