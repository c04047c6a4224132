import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../../programmes/programmes.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { ApplicationsModule } from '../applications.module.js';
import { ApplicationPagesController } from './application-pages.controller.js';
import { applicationMessages } from './applications.messages.js';

/** The student's application pages: list, form, checklist, submit, withdraw, timeline. */
@Module({
  imports: [ApplicationsModule, ProgrammesModule],
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
