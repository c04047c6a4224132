import { Module } from '@nestjs/common';
import { NewsModule } from '../../news/news.module.js';
import { ProgrammesModule } from '../../programmes/programmes.module.js';
import { WebRegistry } from '../../web/web.registry.js';
import { HomePagesController } from './home-pages.controller.js';
import { homeMessages } from './home.messages.js';

/** The home page: what is open now and what is new. */
@Module({
  imports: [ProgrammesModule, NewsModule],
  controllers: [HomePagesController],
})
export class HomePagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(homeMessages);
    registry.addMenuEntry({ labelKey: 'home.menu', path: '', audience: 'everyone', order: 0 });
  }
}
