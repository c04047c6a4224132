import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Authenticated, Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { ListOutboxQuery } from './dto/list-outbox.query.js';
import {
  NotificationResponse,
  NotificationSettingsResponse,
  OutboxItemResponse,
  ReadAllResponse,
  UnreadCountResponse,
} from './dto/notification.response.js';
import { UpdateNotificationSettingsDto } from './dto/update-notification-settings.dto.js';
import { NotificationsService } from './notifications.service.js';

/** The caller's own notifications and settings: nobody sees another's. */
@ApiTags('notifications')
@Controller('me')
export class MyNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Unread first, then newest first. */
  @Authenticated()
  @Get('notifications')
  @ApiOkResponse({ type: PageOf(NotificationResponse) })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<NotificationResponse>> {
    return this.notifications.listMine(user.id, query);
  }

  /** The number the bell shows. */
  @Authenticated()
  @Get('notifications/unread-count')
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.countUnread(user.id) };
  }

  @Authenticated()
  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllResponse })
  async readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResponse> {
    return { marked: await this.notifications.markAllRead(user.id) };
  }

  @Authenticated()
  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationResponse })
  read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(user.id, id);
  }

  @Authenticated()
  @Get('notification-settings')
  @ApiOkResponse({ type: NotificationSettingsResponse })
  settings(@CurrentUser() user: AuthUser): Promise<NotificationSettingsResponse> {
    return this.notifications.getSettings(user.id);
  }

  /** Turns the digests and reminders on or off. */
  @Authenticated()
  @Patch('notification-settings')
  @ApiOkResponse({ type: NotificationSettingsResponse })
  updateSettings(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsResponse> {
    return this.notifications.updateSettings(user.id, dto);
  }
}

/** The e-mail outbox, for admins: what was given up, and sending it again. */
@ApiTags('notifications')
@Controller('notifications/outbox')
export class OutboxController {
  constructor(private readonly notifications: NotificationsService) {}

  /** `?status=dead`: the e-mails given up. */
  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: PageOf(OutboxItemResponse) })
  list(@Query() query: ListOutboxQuery): Promise<Page<OutboxItemResponse>> {
    return this.notifications.listOutbox(query);
  }

  /** A dead e-mail goes back to the queue, with the same Message-ID. */
  @Roles('admin')
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxItemResponse })
  retry(@Param('id', ParseUUIDPipe) id: string): Promise<OutboxItemResponse> {
    return this.notifications.retry(id);
  }
}
