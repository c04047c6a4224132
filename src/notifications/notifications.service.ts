import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { LOCALES, type Locale } from '../common/domain.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import {
  applyKeyset,
  decodeCursor,
  toPage,
  type Page,
  type PageQueryDto,
} from '../common/pagination/pagination.js';
import type { Environment } from '../config/environment.js';
import type { Role } from '../users/role.js';
import {
  toNotificationResponse,
  toOutboxItemResponse,
  type NotificationResponse,
  type NotificationSettingsResponse,
  type OutboxItemResponse,
} from './dto/notification.response.js';
import type { ListOutboxQuery } from './dto/list-outbox.query.js';
import type { UpdateNotificationSettingsDto } from './dto/update-notification-settings.dto.js';
import { NotificationErrorCode } from './notification-error-codes.js';
import type { NotificationRequest } from './notification-kinds.js';
import { NotificationSettings } from './notification-settings.entity.js';
import { renderNotification } from './notification-templates.js';
import { Notification } from './notification.entity.js';

/** Requests written per insert by `enqueueMany` (eight text arrays of this many rows). */
const ENQUEUE_SLICE = 1000;

const isLocale = (value: unknown): value is Locale =>
  (LOCALES as readonly string[]).includes(value as string);

/**
 * Notifications: written by the features in the transaction of the change they announce
 * (`enqueue(manager, ...)`), read and marked read by their recipient, retried by admins.
 * Sending is NotificationSender's; digests and reminders are NotificationSchedules'.
 */
@Injectable()
export class NotificationsService {
  private readonly baseUrl: string;
  private readonly defaultLocale: Locale;
  private readonly timeZone: string;

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    config: ConfigService<Environment, true>,
  ) {
    this.baseUrl = config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/+$/, '');
    this.defaultLocale = config.get('DEFAULT_LOCALE', { infer: true });
    this.timeZone = config.get('TIME_ZONE', { infer: true });
  }

  /**
   * Writes a notification on the caller's transaction, in the recipient's language: it exists
   * (and its e-mail goes out) only if that transaction commits. A request whose dedupe key was
   * already written is a no-op; so is one for an erased person. Answers whether a row was written.
   */
  async enqueue(manager: EntityManager, request: NotificationRequest): Promise<boolean> {
    return (await this.enqueueMany(manager, [request])) > 0;
  }

  /**
   * `enqueue` for many requests at once (a selection round tells thousands of students): one
   * query for the recipients' languages and one insert per slice, instead of two queries each.
   * Answers how many rows were written.
   */
  async enqueueMany(manager: EntityManager, requests: NotificationRequest[]): Promise<number> {
    let written = 0;
    for (let start = 0; start < requests.length; start += ENQUEUE_SLICE) {
      const slice = requests.slice(start, start + ENQUEUE_SLICE);
      const recipients = (await manager.query(
        `SELECT id, preferred_locale FROM users WHERE id = ANY($1::uuid[]) AND erased_at IS NULL`,
        [[...new Set(slice.map((request) => request.recipientId))]],
      )) as Array<{ id: string; preferred_locale: string }>;
      const localeOf = new Map(
        recipients.map((row) => [
          row.id,
          isLocale(row.preferred_locale) ? row.preferred_locale : this.defaultLocale,
        ]),
      );
      const rows = slice.flatMap((request) => {
        const locale = localeOf.get(request.recipientId);
        if (!locale) return [];
        const link = `${this.baseUrl}/${locale}${request.path}`;
        return [{ request, locale, link, ...renderNotification(request, locale, link, this.timeZone) }];
      });
      if (rows.length === 0) continue;
      const inserted = (await manager.query(
        `INSERT INTO notifications (recipient_id, kind, locale, subject, text_body, html_body, link, dedupe_key)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id`,
        [
          rows.map((row) => row.request.recipientId),
          rows.map((row) => row.request.kind),
          rows.map((row) => row.locale),
          rows.map((row) => row.subject),
          rows.map((row) => row.text),
          rows.map((row) => row.html),
          rows.map((row) => row.link),
          rows.map((row) => row.request.dedupeKey),
        ],
      )) as Array<{ id: string }>;
      written += inserted.length;
    }
    return written;
  }

  /**
   * One notification per active, not erased user of a role (each built for its recipient), on the
   * caller's transaction. Answers how many were written.
   */
  async enqueueForRole(
    manager: EntityManager,
    role: Role,
    build: (recipientId: string) => NotificationRequest,
  ): Promise<number> {
    const recipients = (await manager.query(
      `SELECT id FROM users WHERE role = $1 AND active AND erased_at IS NULL ORDER BY id`,
      [role],
    )) as Array<{ id: string }>;
    return this.enqueueMany(
      manager,
      recipients.map(({ id }) => build(id)),
    );
  }

  // --- the recipient's side -------------------------------------------------------------------

  /** The caller's notifications: unread first, then newest first; keyset pages. */
  async listMine(userId: string, page: PageQueryDto): Promise<Page<NotificationResponse>> {
    const params: unknown[] = [userId];
    let after = '';
    if (page.cursor) {
      const [unread, createdAt, id] = decodeCursor(page.cursor, 3);
      if (typeof unread !== 'number' || typeof createdAt !== 'string' || typeof id !== 'string') {
        throw new InvalidInputError('cursor is not a cursor this list gave out', ['cursor']);
      }
      params.push(unread, createdAt, id);
      after = `AND ((read_at IS NULL)::int, created_at, id) < ($2::int, $3::timestamptz, $4::uuid)`;
    }
    params.push(page.limit + 1);
    const rows = (await this.notifications.query(
      `SELECT id FROM notifications
        WHERE recipient_id = $1 ${after}
        ORDER BY (read_at IS NULL)::int DESC, created_at DESC, id DESC
        LIMIT $${params.length}`,
      params,
    )) as Array<{ id: string }>;
    const loaded = rows.length ? await this.notifications.findBy(rows.map((row) => ({ id: row.id }))) : [];
    const byId = new Map(loaded.map((row) => [row.id, row]));
    const ordered = rows.map((row) => byId.get(row.id)!);
    return toPage(
      ordered,
      page.limit,
      (row) => [row.readAt ? 0 : 1, row.createdAt.toISOString(), row.id],
      toNotificationResponse,
    );
  }

  async countUnread(userId: string): Promise<number> {
    return this.notifications.count({ where: { recipientId: userId, readAt: IsNull() } });
  }

  /** Marks one of the caller's notifications read (another's is a 404). */
  async markRead(userId: string, id: string): Promise<NotificationResponse> {
    await this.notifications.query(
      `UPDATE notifications SET read_at = now(), updated_at = now()
        WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL`,
      [id, userId],
    );
    const row = await this.notifications.findOneBy({ id, recipientId: userId });
    if (!row) throw new NotFoundError('Notification');
    return toNotificationResponse(row);
  }

  async markAllRead(userId: string): Promise<number> {
    const result = (await this.notifications.query(
      `UPDATE notifications SET read_at = now(), updated_at = now()
        WHERE recipient_id = $1 AND read_at IS NULL`,
      [userId],
    )) as [unknown, number];
    return result[1];
  }

  async getSettings(userId: string): Promise<NotificationSettingsResponse> {
    const row = await this.dataSource.getRepository(NotificationSettings).findOneBy({ userId });
    return {
      dailyDigest: row?.dailyDigest ?? true,
      weeklyDigest: row?.weeklyDigest ?? true,
      draftReminders: row?.draftReminders ?? true,
    };
  }

  /** Changes the caller's settings; the fields left out keep their value. */
  async updateSettings(
    userId: string,
    dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsResponse> {
    const flag = (value: boolean | undefined) => (value === undefined ? null : value);
    await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, daily_digest, weekly_digest, draft_reminders)
       VALUES ($1, COALESCE($2, true), COALESCE($3, true), COALESCE($4, true))
       ON CONFLICT (user_id) DO UPDATE SET
         daily_digest = COALESCE($2, notification_settings.daily_digest),
         weekly_digest = COALESCE($3, notification_settings.weekly_digest),
         draft_reminders = COALESCE($4, notification_settings.draft_reminders),
         updated_at = now()`,
      [userId, flag(dto.dailyDigest), flag(dto.weeklyDigest), flag(dto.draftReminders)],
    );
    return this.getSettings(userId);
  }

  // --- admins ---------------------------------------------------------------------------------

  /** The outbox, newest first, optionally of one status (`dead`: the e-mails given up). */
  async listOutbox(query: ListOutboxQuery): Promise<Page<OutboxItemResponse>> {
    const builder = this.notifications.createQueryBuilder('n');
    if (query.status) builder.where('n.status = :status', { status: query.status });
    applyKeyset(builder, { columns: ['n.created_at', 'n.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toOutboxItemResponse);
  }

  /** Sends a dead e-mail again: pending now, its tries counted afresh, the same Message-ID. */
  async retry(id: string): Promise<OutboxItemResponse> {
    const updated = (await this.notifications.query(
      `UPDATE notifications
          SET status = 'pending', attempts = 0, next_attempt_at = now(), claimed_until = NULL,
              claim_token = NULL, updated_at = now()
        WHERE id = $1 AND status = 'dead'
        RETURNING id`,
      [id],
    )) as [Array<{ id: string }>, number];
    const row = await this.notifications.findOneBy({ id });
    if (!row) throw new NotFoundError('Notification');
    if (updated[0].length === 0) {
      throw new DomainException(
        NotificationErrorCode.NOT_DEAD,
        `Only an e-mail given up can be sent again; this one is ${row.status}`,
        HttpStatus.CONFLICT,
        { status: row.status },
      );
    }
    return toOutboxItemResponse(row);
  }

  // --- personal data --------------------------------------------------------------------------

  /** Removes a person's notifications and their e-mails not yet sent, on the erasure's transaction. */
  async eraseFor(manager: EntityManager, userId: string): Promise<number> {
    const result = (await manager.query(`DELETE FROM notifications WHERE recipient_id = $1`, [userId])) as [
      unknown,
      number,
    ];
    await manager.query(`DELETE FROM notification_settings WHERE user_id = $1`, [userId]);
    return result[1];
  }

  /** A person's notifications for their personal-data export, oldest first. */
  async exportFor(userId: string): Promise<Array<NotificationResponse & { emailStatus: string }>> {
    const rows = await this.notifications.find({
      where: { recipientId: userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => Object.assign(toNotificationResponse(row), { emailStatus: row.status }));
  }
}
