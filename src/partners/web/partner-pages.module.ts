import { Module } from '@nestjs/common';
import { IncomingModule } from '../../incoming/incoming.module.js';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { OutgoingModule } from '../../outgoing/outgoing.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { PartnerPagesController } from './partner-pages.controller.js';
import { partnerMessages } from './partner.messages.js';

/** A partner coordinator's pages: their home (nominations both ways), one nomination, the nomination form. */
@Module({
  imports: [OutgoingModule, IncomingModule, InstitutionsModule],
  controllers: [PartnerPagesController],
})
export class PartnerPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(partnerMessages);
    registry.addMenuEntry({ labelKey: 'partner.menu', path: '/partner', audience: ['partner'], order: 45 });
  }
}
