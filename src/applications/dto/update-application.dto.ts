import { IsInt, Min } from 'class-validator';
import { PatchType } from '../../common/dto/fields.js';
import { CreateApplicationDto } from './create-application.dto.js';

/**
 * Changes to a draft. Carries the `version` the student last read: a stale one is a 409. null
 * clears motivation, gradeAverage and languageSkills; null choices are a 400.
 */
export class UpdateApplicationDto extends PatchType(CreateApplicationDto) {
  /** The application's version as last read. */
  @IsInt()
  @Min(1)
  version: number;
}
