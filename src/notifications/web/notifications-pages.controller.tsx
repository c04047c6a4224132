import { Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../auth/decorators/roles.decorator.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { NotificationsService } from '../notifications.service.js';
import { NotificationsPage } from './notifications.page.js';

/** The twin of /api/me/notifications: the same service calls, then a page. */
@WebController('notifications')
export class NotificationPagesController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly web: WebPages,
  ) {}

  @Authenticated()
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() query: PageQueryDto): Promise<void> {
    const page = this.web.page(reply);
    const user = page.user!;
    const [list, unread] = await Promise.all([
      this.notifications.listMine(user.id, query),
      this.notifications.countUnread(user.id),
    ]);
    page.render(<NotificationsPage list={list} unread={unread} />, { title: page.t('notifications.title') });
  }

  @Authenticated()
  @Post('read-all')
  async readAll(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    await this.notifications.markAllRead(page.user!.id);
    page.redirect('/notifications', 'notifications.notice.allRead');
  }

  @Authenticated()
  @Post(':id/read')
  async read(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.notifications.markRead(page.user!.id, id);
    page.redirect('/notifications');
  }
}
