import { Module } from '@nestjs/common';
import { AgreementsModule } from '../../agreements/agreements.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { InstitutionsModule } from '../institutions.module.js';
import { InstitutionPagesController } from './institution-pages.controller.js';
import { institutionMessages } from './institutions.messages.js';

/** Anyone's pages about partner institutions. */
@Module({
  imports: [InstitutionsModule, AgreementsModule],
  controllers: [InstitutionPagesController],
})
export class InstitutionPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(institutionMessages);
    registry.addMenuEntry({
      labelKey: 'institutions.menu',
      path: '/institutions',
      audience: 'everyone',
      order: 20,
    });
  }
}
