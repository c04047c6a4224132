import { PatchType } from '../../common/dto/fields.js';
import { CreateProgrammeDto } from './create-programme.dto.js';

/** Any subset of the programme's fields; the programme as it would be after the change is validated. */
export class UpdateProgrammeDto extends PatchType(CreateProgrammeDto) {}
