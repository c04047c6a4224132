import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { ProgrammesModule } from '../programmes.module.js';
import { ProgrammePagesController } from './programme-pages.controller.js';
import { programmeMessages } from './programmes.messages.js';

/** Anyone's programme pages: the search and a programme's page. */
@Module({
  imports: [ProgrammesModule, InstitutionsModule],
  controllers: [ProgrammePagesController],
})
export class ProgrammePagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(programmeMessages);
    registry.addMenuEntry({
      labelKey: 'programmes.menu',
      path: '/programmes',
      audience: 'everyone',
      order: 10,
    });
  }
}
