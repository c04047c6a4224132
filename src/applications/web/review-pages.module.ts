import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../../programmes/programmes.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { ApplicationsModule } from '../applications.module.js';
import { ReviewPagesController } from './review-pages.controller.js';
import { reviewMessages } from './review.messages.js';

/** The staff pages of applications: the review queue, an application, the decision form. */
@Module({
  imports: [ApplicationsModule, ProgrammesModule],
  controllers: [ReviewPagesController],
})
export class ReviewPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(reviewMessages);
    registry.addMenuEntry({
      labelKey: 'review.menu',
      path: '/review',
      audience: ['advisor', 'coordinator', 'admin'],
      order: 60,
    });
  }
}
