import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { OutgoingModule } from '../../outgoing/outgoing.module.js';
import { LearningAgreementsModule } from '../learning-agreements.module.js';
import { LearningAgreementsService } from '../learning-agreements.service.js';
import { LearningAgreementDocumentController } from './learning-agreement-document.controller.js';
import { LearningAgreementEditController } from './learning-agreement-edit.controller.js';
import { learningAgreementEditMessages } from './learning-agreement-edit.messages.js';
import {
  LearningAgreementPagesController,
  LearningAgreementQueueController,
} from './learning-agreement-pages.controller.js';
import { learningAgreementViewMessages } from './learning-agreement-view.messages.js';

/**
 * The learning-agreement pages: the agreement of a mobility (read, sign, comment, results,
 * recognition), what waits for the visitor's signature, and the student's tables.
 */
@Module({
  imports: [LearningAgreementsModule, OutgoingModule],
  controllers: [
    LearningAgreementEditController,
    LearningAgreementDocumentController,
    LearningAgreementPagesController,
    LearningAgreementQueueController,
  ],
})
export class LearningAgreementPagesModule {
  constructor(registry: WebRegistry, agreements: LearningAgreementsService) {
    registry.addMessages(learningAgreementEditMessages);
    registry.addMessages(learningAgreementViewMessages);
    registry.addMenuEntry({
      labelKey: 'learningAgreements.queue.menu',
      path: '/learning-agreements',
      audience: ['coordinator', 'admin', 'partner'],
      order: 72,
      badge: { count: (user) => agreements.countWaiting(user), labelKey: 'learningAgreements.queue.badge' },
    });
  }
}
