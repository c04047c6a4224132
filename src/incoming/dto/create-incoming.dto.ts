import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TERMS, type Term } from '../../common/domain.js';
import { IsAcademicYear, IsCalendarDate, NormalizedEmail, Trimmed } from '../../common/dto/fields.js';

/** A nomination received from a partner: it starts as `nominated`. */
export class CreateIncomingDto {
  /** Any script: Latin, Cyrillic, Kazakh letters... */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  /** Stored lower-cased. */
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

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
