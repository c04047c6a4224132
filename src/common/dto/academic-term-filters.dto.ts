import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TERMS, type Term } from '../domain.js';
import { IsAcademicYear } from './fields.js';

/** The academic year and term filters of every list of things that happen in one term. */
export class AcademicTermFiltersDto {
  /** `2025/2026` */
  @ApiPropertyOptional({ example: '2025/2026' })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @ApiPropertyOptional({ enum: TERMS })
  @IsOptional()
  @IsIn(TERMS, { message: `term must be one of ${TERMS.join(', ')}` })
  term?: Term;
}
