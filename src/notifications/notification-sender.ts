import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { CLAIM_MS, classifyFailure, messageDomain, nextStep, retryDelay } from './notification-delivery.js';
import { NotificationsService } from './notifications.service.js';

/** Rows claimed per pass. */
export const SEND_BATCH = 50;

interface ClaimedRow {
  id: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  attempts: number;
  claim_token: string;
  email: string;
}

export interface SendPass {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
}

type Transporter = ReturnType<typeof nodemailer.createTransport>;

/**
 * Sends the outbox. A pass claims due rows (pending and due, or `sending` with an expired claim)
 * with `FOR UPDATE SKIP LOCKED` in one short statement, so several instances share the rows and
 * never both hold one; it sends them outside any transaction, then records each outcome only if
 * its claim is still the one it took. Without SMTP_URL nothing is sent (said once at start).
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private readonly transporter: Transporter | null;
  private readonly from: string;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    config: ConfigService<Environment, true>,
  ) {
    const url = config.get('SMTP_URL', { infer: true });
    this.from = config.get('MAIL_FROM', { infer: true });
    this.pollMs = config.get('MAIL_POLL_INTERVAL_MS', { infer: true });
    this.retryBaseMs = config.get('MAIL_RETRY_BASE_MS', { infer: true });
    this.maxAttempts = config.get('MAIL_MAX_ATTEMPTS', { infer: true });
    this.transporter = url
      ? nodemailer.createTransport({
          url,
          pool: true,
          maxConnections: 4,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as Parameters<typeof nodemailer.createTransport>[0])
      : null;
  }

  /** Whether e-mail is configured at all. */
  get enabled(): boolean {
    return this.transporter !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.transporter) {
      this.logger.warn('SMTP_URL is not set: no e-mail will be sent; notifications stay in the portal');
      return;
    }
    if (this.pollMs > 0) this.schedule(0);
  }

  /** Stops the loop and waits for the pass in flight, before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transporter?.close();
  }

  /** One pass: claims up to SEND_BATCH due rows and sends them. Tests drive the outbox with it. */
  async runOnce(): Promise<SendPass> {
    const pass: SendPass = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
    if (!this.transporter) return pass;
    const rows = await this.claim();
    pass.claimed = rows.length;
    await Promise.all(
      rows.map(async (row) => {
        const outcome = await this.deliver(row);
        pass[outcome] += 1;
      }),
    );
    return pass;
  }

  /** Passes until nothing is due (tests: "deliver everything now"). */
  async drain(): Promise<SendPass> {
    const total: SendPass = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
    for (;;) {
      const pass = await this.runOnce();
      for (const key of Object.keys(total) as Array<keyof SendPass>) total[key] += pass[key];
      if (pass.claimed === 0) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let next = this.pollMs;
    const pass = this.runOnce();
    this.running = pass;
    try {
      const result = await pass;
      if (result.claimed === SEND_BATCH) next = 0;
    } catch (error) {
      this.logger.error(`Sending pass failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
    this.schedule(next);
  }

  private async claim(): Promise<ClaimedRow[]> {
    const token = randomUUID();
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications n
          SET status = 'sending', claimed_until = now() + ($1 || ' milliseconds')::interval,
              claim_token = $2, attempts = n.attempts + 1, updated_at = now(),
              -- set at the first try, the same on every other one (messageIdFor)
              message_id = COALESCE(n.message_id, '<' || n.id || '@' || $4 || '>')
         FROM users u
        WHERE u.id = n.recipient_id
          AND n.id IN (
            SELECT id FROM notifications
             WHERE (status = 'pending' AND next_attempt_at <= now())
                OR (status = 'sending' AND claimed_until < now())
             ORDER BY next_attempt_at
             LIMIT $3
             FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.kind, n.subject, n.text_body, n.html_body, n.message_id, n.attempts,
                n.claim_token, u.email`,
      [String(CLAIM_MS), token, SEND_BATCH, messageDomain(this.from)],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async deliver(row: ClaimedRow): Promise<'sent' | 'retrying' | 'dead'> {
    try {
      await this.transporter!.sendMail({
        from: this.from,
        to: row.email,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
      });
    } catch (error) {
      return this.failed(row, error);
    }
    await this.dataSource.query(
      `UPDATE notifications
          SET status = 'sent', sent_at = now(), claimed_until = NULL, claim_token = NULL,
              last_error = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $2`,
      [row.id, row.claim_token],
    );
    return 'sent';
  }

  private async failed(row: ClaimedRow, error: unknown): Promise<'retrying' | 'dead'> {
    const failure = classifyFailure(error);
    const step = nextStep(failure, row.attempts, this.maxAttempts);
    if (step === 'retry') {
      const delay = retryDelay(row.attempts, this.retryBaseMs);
      await this.dataSource.query(
        `UPDATE notifications
            SET status = 'pending', next_attempt_at = now() + ($3 || ' milliseconds')::interval,
                claimed_until = NULL, claim_token = NULL, last_error = $4, updated_at = now()
          WHERE id = $1 AND claim_token = $2`,
        [row.id, row.claim_token, String(delay), failure.message],
      );
      return 'retrying';
    }
    await this.dataSource.transaction(async (manager) => {
      const [, count] = (await manager.query(
        `UPDATE notifications
            SET status = 'dead', claimed_until = NULL, claim_token = NULL, last_error = $3, updated_at = now()
          WHERE id = $1 AND claim_token = $2`,
        [row.id, row.claim_token, failure.message],
      )) as [unknown, number];
      // Admins hear of it (not of their own alerts failing: that would never end).
      if (count === 1 && row.kind !== 'undelivered') {
        await this.notifications.enqueueForRole(manager, 'admin', (adminId) => ({
          kind: 'undelivered',
          recipientId: adminId,
          facts: { kind: row.kind as never, error: failure.message, attempts: row.attempts },
          path: '/admin/outbox',
          dedupeKey: `undelivered:${row.id}:${row.claim_token}:${adminId}`,
        }));
      }
    });
    this.logger.warn(
      `E-mail ${row.id} (${row.kind}) given up after ${row.attempts} attempt(s): ${failure.message}`,
    );
    return 'dead';
  }
}
