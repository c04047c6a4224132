import { OmitType } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../common/dto/fields.js';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CreateIncomingDto } from '../../dto/create-incoming.dto.js';
import { INCOMING_STATUSES, type IncomingStatus } from '../../incoming-state.js';

/**
 * One line of an imported CSV file (the export's columns): a nomination as `POST /api/incoming`
 * takes it (the same validation), with the partner and the faculty named by their codes, and the
 * status and actual dates an export carries. Not a request body: the import validates each line
 * with it and reports problems by line and column.
 */
export class ImportRowDto extends OmitType(CreateIncomingDto, [
  'homeInstitutionId',
  'hostFacultyId',
] as const) {
  /** The partner institution's SCHAC code (its domain). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  homeInstitutionSchacCode: string;

  /** The code of a faculty of the university hosting the student. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  hostFacultyCode: string;

  /** Default `nominated`. */
  @IsOptional()
  @IsIn(INCOMING_STATUSES)
  status?: IncomingStatus;

  @IsOptional()
  @IsCalendarDate()
  actualArrival?: string;

  @IsOptional()
  @IsCalendarDate()
  actualDeparture?: string;
}
