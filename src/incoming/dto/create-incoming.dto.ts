import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EmailDto } from '../../auth/dto/credentials.dto.js';
import { TERMS, type Term } from '../../common/domain.js';
import { IsAcademicYear, IsCalendarDate } from '../../common/dto/fields.js';
import { NamesDto } from '../../users/dto/names.dto.js';

/** A nomination received from a partner: it starts as `nominated`. Names keep any script. */
export class CreateIncomingDto extends IntersectionType(NamesDto, EmailDto) {
  /** The partner institution that nominated the student (not the home institution). */
  @IsUUID()
  homeInstitutionId: string;

  /** A faculty of the home institution. */
  @IsUUID()
  hostFacultyId: string;

  /** An agreement with the same partner. */
  @IsOptional()
  @IsUUID()
  agreementId?: string | null;

  /** `2025/2026` */
  @ApiProperty({ example: '2025/2026' })
  @IsAcademicYear()
  academicYear: string;

  @ApiProperty({ enum: TERMS })
  @IsIn(TERMS)
  term: Term;

  /** YYYY-MM-DD */
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  plannedArrival: string;

  /** YYYY-MM-DD, after plannedArrival. */
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  plannedDeparture: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}
