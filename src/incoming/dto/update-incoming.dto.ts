import { PartialType } from '@nestjs/swagger';
import { CreateIncomingDto } from './create-incoming.dto.js';

/**
 * Corrects the nomination's details. Status and actual dates change only through transitions;
 * `agreementId: null` removes the agreement.
 */
export class UpdateIncomingDto extends PartialType(CreateIncomingDto) {}
