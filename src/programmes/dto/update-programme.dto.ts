import { PartialType } from '@nestjs/swagger';
import { CreateProgrammeDto } from './create-programme.dto.js';

/** Any subset of the programme's fields; the programme as it would be after the change is validated. */
export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto, { skipNullProperties: false }) {}
