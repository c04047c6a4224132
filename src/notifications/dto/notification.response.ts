import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_STATUSES,
  NOTIFICATION_KINDS,
  type EmailStatus,
  type NotificationKind,
} from '../notification-kinds.js';
import type { Notification } from '../notification.entity.js';

/** A notification as its recipient sees it in the portal. */
export class NotificationResponse {
  id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
  subject: string;
  /** The plain-text body (the e-mail's text part). */
  text: string;
  /** The page concerned. */
  link: string;
  createdAt: Date;
  /** Null while unread. */
  readAt: Date | null;
}

export function toNotificationResponse(row: Notification): NotificationResponse {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    text: row.textBody,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export class UnreadCountResponse {
  unread: number;
}

export class ReadAllResponse {
  /** How many notifications this marked read. */
  marked: number;
}

/** An outbox row as admins see it. */
export class OutboxItemResponse {
  id: string;
  recipientId: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
  locale: string;
  subject: string;
  @ApiProperty({ enum: EMAIL_STATUSES })
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: Date;
  messageId: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export function toOutboxItemResponse(row: Notification): OutboxItemResponse {
  return {
    id: row.id,
    recipientId: row.recipientId,
    kind: row.kind,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    messageId: row.messageId,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export class NotificationSettingsResponse {
  dailyDigest: boolean;
  weeklyDigest: boolean;
  draftReminders: boolean;
}
