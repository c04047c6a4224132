import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsAcademicYear } from '../../common/dto/fields.js';

/** One academic year's mobilities in one EWP document, optionally only those to one host. */
export class EwpYearQuery {
  @ApiProperty({ example: '2025/2026' })
  @IsAcademicYear()
  academicYear: string;

  /** The receiving institution. */
  @IsOptional()
  @IsUUID()
  hostInstitutionId?: string;
}
