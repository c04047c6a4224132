import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { InstitutionsModule } from '../institutions.module.js';
import { InstitutionStaffPagesController } from './institution-staff-pages.controller.js';
import { institutionStaffMessages } from './institution-staff.messages.js';

/** The staff's institution pages: institutions and their faculties. */
@Module({
  imports: [InstitutionsModule],
  controllers: [InstitutionStaffPagesController],
})
export class InstitutionStaffPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(institutionStaffMessages);
    registry.addMenuEntry({
      labelKey: 'institutions.staff.menu',
      path: '/manage/institutions',
      audience: ['coordinator', 'admin'],
      order: 60,
    });
  }
}
