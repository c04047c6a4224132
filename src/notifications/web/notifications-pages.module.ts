import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { NotificationsModule } from '../notifications.module.js';
import { NotificationsService } from '../notifications.service.js';
import { NotificationPagesController } from './notifications-pages.controller.js';
import { notificationMessages } from './notifications.messages.js';

/** The notifications page, and the menu entry whose badge is the unread count (the bell). */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationPagesController],
})
export class NotificationPagesModule {
  constructor(registry: WebRegistry, notifications: NotificationsService) {
    registry.addMessages(notificationMessages);
    registry.addMenuEntry({
      labelKey: 'notifications.menu',
      path: '/notifications',
      audience: 'signed-in',
      order: 90,
      badge: { count: (user) => notifications.countUnread(user.id), labelKey: 'notifications.menu.badge' },
    });
  }
}
