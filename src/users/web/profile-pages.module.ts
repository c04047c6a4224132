import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { PrivacyModule } from '../../privacy/privacy.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { ProfilePagesController } from './profile-pages.controller.js';
import { profileMessages } from './profile.messages.js';

/** Everyone's own profile page and the download of their data. */
@Module({
  imports: [AuthModule, PrivacyModule, InstitutionsModule],
  controllers: [ProfilePagesController],
})
export class ProfilePagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(profileMessages);
    registry.addMenuEntry({ labelKey: 'profile.menu', path: '/profile', audience: 'signed-in', order: 90 });
  }
}
