import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { NewsModule } from '../news.module.js';
import { NewsEditorPagesController } from './news-editor-pages.controller.js';
import { newsEditorMessages } from './news-editor.messages.js';

/** The editors' news desk: drafts and published articles, writing with a preview, publishing. */
@Module({ imports: [NewsModule], controllers: [NewsEditorPagesController] })
export class NewsEditorPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(newsEditorMessages);
    registry.addMenuEntry({
      labelKey: 'newsEditor.menu',
      path: '/editor/news',
      audience: ['editor', 'admin'],
      order: 70,
    });
  }
}
