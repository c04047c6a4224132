import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { AgreementsModule } from '../agreements.module.js';
import { AgreementPagesController } from './agreement-pages.controller.js';
import { agreementMessages } from './agreements.messages.js';

/** The coordinator's agreement pages. */
@Module({
  imports: [AgreementsModule, InstitutionsModule],
  controllers: [AgreementPagesController],
})
export class AgreementPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(agreementMessages);
    registry.addMenuEntry({
      labelKey: 'agreements.menu',
      path: '/agreements',
      audience: ['coordinator', 'admin'],
      order: 62,
    });
  }
}
