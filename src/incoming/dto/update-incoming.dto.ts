import { PatchType } from '../../common/dto/fields.js';
import { CreateIncomingDto } from './create-incoming.dto.js';

/**
 * Corrects the nomination's details. Status and actual dates change only through transitions;
 * `agreementId: null` removes the agreement; null for any other field is a 400.
 */
export class UpdateIncomingDto extends PatchType(CreateIncomingDto) {}
