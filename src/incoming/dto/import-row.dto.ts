import { IntersectionType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EmailDto } from '../../auth/dto/credentials.dto.js';
import { TERMS, type Term } from '../../common/domain.js';
import { INCOMING_STATUSES, type IncomingStatus } from '../incoming-state.js';
import { IsAcademicYear, IsCalendarDate, Trimmed } from '../../common/dto/fields.js';
import { NamesDto } from '../../users/dto/names.dto.js';

/**
 * One line of an imported CSV file (the export's columns). Not a request body: the import
 * service validates each line with it and reports problems by line and column.
 */
export class ImportRowDto extends IntersectionType(NamesDto, EmailDto) {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  homeInstitutionSchacCode: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  hostFacultyCode: string;

  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @Trimmed()
  @IsAcademicYear()
  academicYear: string;

  @Trimmed()
  @IsIn(TERMS)
  term: Term;

  @IsOptional()
  @IsIn(INCOMING_STATUSES)
  status?: IncomingStatus;

  @IsCalendarDate()
  plannedArrival: string;

  @IsCalendarDate()
  plannedDeparture: string;

  @IsOptional()
  @IsCalendarDate()
  actualArrival?: string;

  @IsOptional()
  @IsCalendarDate()
  actualDeparture?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}
