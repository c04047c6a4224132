import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../../programmes/programmes.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { StatsModule } from '../stats.module.js';
import { StatsPagesController } from './stats-pages.controller.js';
import { statsMessages } from './stats.messages.js';

/** The coordinator's statistics page. */
@Module({
  imports: [StatsModule, ProgrammesModule],
  controllers: [StatsPagesController],
})
export class StatsPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(statsMessages);
    registry.addMenuEntry({
      labelKey: 'stats.menu',
      path: '/stats',
      audience: ['coordinator', 'admin'],
      order: 76,
    });
  }
}
