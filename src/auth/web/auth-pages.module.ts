import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { AuthModule } from '../auth.module.js';
import { AuthPagesController } from './auth-pages.controller.js';
import { authMessages } from './auth.messages.js';

/** Sign-in, registration and sign-out pages. */
@Module({
  imports: [AuthModule, InstitutionsModule],
  controllers: [AuthPagesController],
})
export class AuthPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(authMessages);
  }
}
