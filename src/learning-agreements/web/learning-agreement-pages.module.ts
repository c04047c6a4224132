import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { OutgoingModule } from '../../outgoing/outgoing.module.js';
import { LearningAgreementsModule } from '../learning-agreements.module.js';
import { LearningAgreementDocumentController } from './learning-agreement-document.controller.js';
import { LearningAgreementEditController } from './learning-agreement-edit.controller.js';
import { learningAgreementEditMessages } from './learning-agreement-edit.messages.js';

/**
 * The learning-agreement pages: the agreement of a mobility (read, sign, comment, results,
 * recognition), what waits for the visitor's signature, and the student's tables.
 */
@Module({
  imports: [LearningAgreementsModule, OutgoingModule],
  controllers: [LearningAgreementEditController, LearningAgreementDocumentController],
})
export class LearningAgreementPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(learningAgreementEditMessages);
  }
}
