import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { OutgoingModule } from '../outgoing.module.js';
import { OutgoingPagesController } from './outgoing-pages.controller.js';
import { outgoingMessages } from './outgoing.messages.js';

/** The office's outgoing-mobility pages: list, one mobility with its steps, its EWP document. */
@Module({
  imports: [OutgoingModule, InstitutionsModule],
  controllers: [OutgoingPagesController],
})
export class OutgoingPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(outgoingMessages);
    registry.addMenuEntry({
      labelKey: 'outgoing.menu',
      path: '/outgoing',
      audience: ['advisor', 'coordinator', 'admin'],
      order: 71,
    });
  }
}
