import { PatchType } from '../../common/dto/fields.js';
import { CreateAgreementDto } from './create-agreement.dto.js';

/** Any subset of the agreement's fields; null clears facultyId and languageRequirement. */
export class UpdateAgreementDto extends PatchType(CreateAgreementDto) {}
