import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { SelectionRoundsModule } from '../selection-rounds.module.js';
import {
  AssessmentPagesController,
  SelectionRoundPagesController,
} from './selection-round-pages.controller.js';
import { selectionRoundMessages } from './selection-rounds.messages.js';

/** Pages of selection rounds (staff) and the rating form's handler; the messages of the explanation too. */
@Module({
  imports: [SelectionRoundsModule],
  controllers: [SelectionRoundPagesController, AssessmentPagesController],
})
export class SelectionRoundPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(selectionRoundMessages);
    registry.addMenuEntry({
      labelKey: 'rounds.menu',
      path: '/selection-rounds',
      audience: ['advisor', 'coordinator', 'admin'],
      order: 61,
    });
  }
}
