import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO6391,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CEFR_LEVELS, TERMS, type CefrLevel, type Term } from '../../common/domain.js';
import {
  IsAcademicYear,
  IsCalendarDate,
  IsInstant,
  LowerCased,
  Omittable,
  Trimmed,
} from '../../common/dto/fields.js';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity.js';

export class CreateProgrammeDto {
  /** e.g. Semester at Al-Farabi Kazakh National University, spring 2026 */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsUUID()
  hostInstitutionId: string;

  /** The agreement the places come from; it must be with the host institution. */
  @IsOptional()
  @IsUUID()
  agreementId?: string | null;

  /** e.g. 2025/2026 */
  @IsAcademicYear()
  academicYear: string;

  @ApiProperty({ enum: TERMS })
  @IsIn(TERMS, { message: `term must be one of ${TERMS.join(', ')}` })
  term: Term;

  /** First day of the mobility (YYYY-MM-DD), not before applications close. */
  @IsCalendarDate()
  startDate: string;

  /** Last day of the mobility (YYYY-MM-DD), after startDate. */
  @IsCalendarDate()
  endDate: string;

  /** When applications open (ISO 8601 with an offset). */
  @IsInstant()
  applicationOpensAt: string;

  /** When applications close, after they open and no later than startDate. */
  @IsInstant()
  applicationClosesAt: string;

  /** Number of places; never below the places already taken. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10000)
  places: number;

  /** Home faculties whose students may apply; empty (the default) means all. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  eligibleFacultyIds?: string[];

  /** Language of instruction (ISO 639-1), which minLanguageLevel applies to. */
  @IsOptional()
  @LowerCased()
  @IsISO6391({ message: 'languageOfInstruction must be an ISO 639-1 language code, such as ru or en' })
  languageOfInstruction?: string | null;

  /** Minimum CEFR level in the language of instruction (needs languageOfInstruction). */
  @ApiPropertyOptional({ enum: CEFR_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(CEFR_LEVELS, { message: `minLanguageLevel must be one of ${CEFR_LEVELS.join(', ')}` })
  minLanguageLevel?: CefrLevel | null;

  @Omittable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  /** draft (the default), published or archived. Only published programmes are shown to the public. */
  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES, default: 'draft' })
  @Omittable()
  @IsIn(PROGRAMME_STATUSES, { message: `status must be one of ${PROGRAMME_STATUSES.join(', ')}` })
  status?: ProgrammeStatus;
}
