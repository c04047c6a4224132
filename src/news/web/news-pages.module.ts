import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { NewsModule } from '../news.module.js';
import { NewsPagesController } from './news-pages.controller.js';
import { newsMessages } from './news.messages.js';

/** Anyone's news pages: the list with its search, and an article. */
@Module({
  imports: [NewsModule],
  controllers: [NewsPagesController],
})
export class NewsPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(newsMessages);
    registry.addMenuEntry({ labelKey: 'news.menu', path: '/news', audience: 'everyone', order: 30 });
  }
}
