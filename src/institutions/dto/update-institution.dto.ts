import { PartialType } from '@nestjs/swagger';
import { CreateInstitutionDto } from './create-institution.dto.js';

/** Any subset of the institution's fields; null clears the optional ones. */
export class UpdateInstitutionDto extends PartialType(CreateInstitutionDto, { skipNullProperties: false }) {}
