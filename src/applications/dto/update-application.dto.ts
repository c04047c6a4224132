import { PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateApplicationDto } from './create-application.dto.js';

/** Changes to a draft. Carries the `version` the student last read: a stale one is a 409. */
export class UpdateApplicationDto extends PartialType(CreateApplicationDto) {
  /** The application's version as last read. */
  @IsInt()
  @Min(1)
  version: number;
}
