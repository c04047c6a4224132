import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationSchedules } from './notification-schedules.js';
import { NotificationSender } from './notification-sender.js';
import { NotificationSettings } from './notification-settings.entity.js';
import { Notification } from './notification.entity.js';
import { MyNotificationsController, OutboxController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Notifications in the portal and by e-mail. Features import this module and call
 * `NotificationsService.enqueue(manager, ...)` in their transaction.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationSettings]), ScheduleModule.forRoot()],
  controllers: [MyNotificationsController, OutboxController],
  providers: [NotificationsService, NotificationSender, NotificationSchedules],
  exports: [NotificationsService],
})
export class NotificationsModule {}
