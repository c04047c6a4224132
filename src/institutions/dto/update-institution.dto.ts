import { PatchType } from '../../common/dto/fields.js';
import { CreateInstitutionDto } from './create-institution.dto.js';

/** Any subset of the institution's fields; null clears the optional ones. */
export class UpdateInstitutionDto extends PatchType(CreateInstitutionDto) {}
