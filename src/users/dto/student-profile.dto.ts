import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { STUDY_LEVELS, type StudyLevel } from '../role.js';

/** The fields a student keeps on their profile; optional everywhere they appear. */
export class StudentProfileDto {
  @IsOptional()
  @IsString()
  @Length(1, 50)
  studentNumber?: string;

  @IsOptional()
  @IsUUID()
  homeFacultyId?: string;

  /** bachelor, master or doctorate */
  @IsOptional()
  @IsIn(STUDY_LEVELS)
  studyLevel?: StudyLevel;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  studyYear?: number;
}
