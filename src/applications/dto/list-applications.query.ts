import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TERMS, type Term } from '../../common/domain.js';
import { IsAcademicYear } from '../../common/dto/fields.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application-state.js';

export class ListApplicationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  /** Applications that name this programme among their choices. */
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  /** `2025/2026` */
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @ApiPropertyOptional({ enum: TERMS })
  @IsOptional()
  @IsIn(TERMS)
  term?: Term;

  /** Part of the student's name or email. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
