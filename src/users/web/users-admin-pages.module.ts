import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { PrivacyModule } from '../../privacy/privacy.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { UsersModule } from '../users.module.js';
import { UsersAdminPagesController } from './users-admin-pages.controller.js';
import { usersAdminMessages } from './users-admin.messages.js';

/** Admins' account pages: search, staff creation, role, (de)activation and erasure. */
@Module({
  imports: [UsersModule, PrivacyModule, InstitutionsModule],
  controllers: [UsersAdminPagesController],
})
export class UsersAdminPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(usersAdminMessages);
    registry.addMenuEntry({
      labelKey: 'usersAdmin.menu',
      path: '/admin/users',
      audience: ['admin'],
      order: 80,
    });
  }
}
