import { Module } from '@nestjs/common';
import { OutgoingModule } from '../../outgoing/outgoing.module.js';
import { ProgrammesModule } from '../../programmes/programmes.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { ApplicationsModule } from '../applications.module.js';
import { ApplicationPagesController } from './application-pages.controller.js';
import { applicationMessages } from './applications.messages.js';

/** The student's application pages: list, form, checklist, submit, withdraw, timeline. */
@Module({
  imports: [ApplicationsModule, ProgrammesModule, OutgoingModule],
  controllers: [ApplicationPagesController],
})
export class ApplicationPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(applicationMessages);
    registry.addMenuEntry({
      labelKey: 'applications.menu',
      path: '/applications',
      audience: ['student'],
      order: 40,
    });
  }
}
