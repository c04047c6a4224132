import { Module } from '@nestjs/common';
import { AgreementsModule } from '../../agreements/agreements.module.js';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { ProgrammesModule } from '../programmes.module.js';
import { ProgrammeStaffPagesController } from './programme-staff-pages.controller.js';
import { programmeStaffMessages } from './programme-staff.messages.js';

/** The staff's programme pages: the list of every status, create and edit. */
@Module({
  imports: [ProgrammesModule, InstitutionsModule, AgreementsModule],
  controllers: [ProgrammeStaffPagesController],
})
export class ProgrammeStaffPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(programmeStaffMessages);
    registry.addMenuEntry({
      labelKey: 'programmes.staff.menu',
      path: '/manage/programmes',
      audience: ['coordinator', 'admin'],
      order: 64,
    });
  }
}
