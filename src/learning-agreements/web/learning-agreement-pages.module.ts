import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { LearningAgreementsModule } from '../learning-agreements.module.js';

/**
 * The learning-agreement pages: the agreement of a mobility (read, sign, comment, results,
 * recognition), what waits for the visitor's signature, and the student's tables.
 */
@Module({
  imports: [LearningAgreementsModule],
  controllers: [],
})
export class LearningAgreementPagesModule {
  constructor(registry: WebRegistry) {
    void registry;
  }
}
