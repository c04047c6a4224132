import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { digestDay, digestWeek, REMINDER_BEFORE_MS } from './notification-schedule.js';
import { NotificationsService } from './notifications.service.js';

/** Advisory-lock keys of the schedules (pg_try_advisory_xact_lock(NAMESPACE, key)). */
const LOCK_NAMESPACE = 1_302_013;
const LOCKS = { advisorDigest: 1, coordinatorDigest: 2, draftReminders: 3 } as const;
const INTERVAL_NAME = 'notification-schedules';

export interface ScheduleRun {
  advisorDigests: number;
  coordinatorDigests: number;
  draftReminders: number;
}

/** Recipients of a role who have not turned a setting off. */
const recipientsSql = (setting: 'daily_digest' | 'weekly_digest') => `
  SELECT u.id FROM users u
    LEFT JOIN notification_settings s ON s.user_id = u.id
   WHERE u.role = $1 AND u.active AND u.erased_at IS NULL AND COALESCE(s.${setting}, true)
   ORDER BY u.id`;

/**
 * Digests and reminders, run inside the app every NOTIFICATION_SCHEDULE_INTERVAL_MS. Each kind
 * runs in one transaction under a transaction-level advisory lock (an instance that does not get
 * it skips: another is at it), and writes rows whose dedupe key names the period and the person,
 * so any number of runs on any number of instances write each digest once.
 */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationSchedules.name);
  private readonly intervalMs: number;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly registry: SchedulerRegistry,
    config: ConfigService<Environment, true>,
  ) {
    this.intervalMs = config.get('NOTIFICATION_SCHEDULE_INTERVAL_MS', { infer: true });
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    const interval = setInterval(() => {
      if (this.running || this.stopped) return;
      this.running = this.runDue(new Date())
        .catch((error: unknown) =>
          this.logger.error(`Schedules failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    interval.unref();
    this.registry.addInterval(INTERVAL_NAME, interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    await this.running;
  }

  /** Everything due at `now` (tests pass a fixed clock). */
  async runDue(now: Date): Promise<ScheduleRun> {
    return {
      advisorDigests: await this.runAdvisorDigests(now),
      coordinatorDigests: await this.runCoordinatorDigests(now),
      draftReminders: await this.runDraftReminders(now),
    };
  }

  /** Advisors: yesterday's new submissions and places freed by withdrawals; nothing when none. */
  async runAdvisorDigests(now: Date): Promise<number> {
    const { day, from, to } = digestDay(now);
    return this.locked(LOCKS.advisorDigest, async (manager) => {
      const [{ submissions }] = (await manager.query(
        `SELECT count(*)::int AS submissions FROM application_events
          WHERE to_status = 'submitted' AND at >= $1 AND at < $2`,
        [from, to],
      )) as Array<{ submissions: number }>;
      const freed = (await manager.query(
        `SELECT p.title AS programme, count(*)::int AS places
           FROM application_events e JOIN programmes p ON p.id = e.programme_id
          WHERE e.to_status = 'withdrawn' AND e.from_status = 'approved' AND e.at >= $1 AND e.at < $2
          GROUP BY p.id, p.title ORDER BY p.title, p.id`,
        [from, to],
      )) as Array<{ programme: string; places: number }>;
      if (submissions === 0 && freed.length === 0) return 0;
      const advisors = (await manager.query(recipientsSql('daily_digest'), ['advisor'])) as Array<{
        id: string;
      }>;
      let written = 0;
      for (const { id } of advisors) {
        const wrote = await this.notifications.enqueue(manager, {
          kind: 'advisor-digest',
          recipientId: id,
          facts: { day, submissions, freed },
          path: '/applications',
          dedupeKey: `advisor-digest:${day}:${id}`,
        });
        if (wrote) written += 1;
      }
      return written;
    });
  }

  /** Coordinators: this week's planned arrivals and departures of incoming students; nothing when none. */
  async runCoordinatorDigests(now: Date): Promise<number> {
    const { monday, sunday } = digestWeek(now);
    return this.locked(LOCKS.coordinatorDigest, async (manager) => {
      const moves = async (column: string, statuses: string[]) =>
        (await manager.query(
          `SELECT m.first_name || ' ' || m.last_name AS name, i.name AS institution,
                  to_char(m.${column}, 'YYYY-MM-DD') AS date
             FROM incoming_mobilities m JOIN institutions i ON i.id = m.home_institution_id
            WHERE m.${column} BETWEEN $1::date AND $2::date AND m.status = ANY($3)
            ORDER BY m.${column}, m.last_name, m.id`,
          [monday, sunday, statuses],
        )) as Array<{ name: string; institution: string; date: string }>;
      const arrivals = await moves('planned_arrival', ['nominated', 'accepted']);
      const departures = await moves('planned_departure', ['accepted', 'arrived']);
      if (arrivals.length === 0 && departures.length === 0) return 0;
      const coordinators = (await manager.query(recipientsSql('weekly_digest'), ['coordinator'])) as Array<{
        id: string;
      }>;
      let written = 0;
      for (const { id } of coordinators) {
        const wrote = await this.notifications.enqueue(manager, {
          kind: 'coordinator-digest',
          recipientId: id,
          facts: { from: monday, to: sunday, arrivals, departures },
          path: '/incoming',
          dedupeKey: `coordinator-digest:${monday}:${id}`,
        });
        if (wrote) written += 1;
      }
      return written;
    });
  }

  /** Students: once per draft and programme, when the programme's window closes within two days. */
  async runDraftReminders(now: Date): Promise<number> {
    return this.locked(LOCKS.draftReminders, async (manager) => {
      const due = (await manager.query(
        `SELECT a.id AS application_id, a.student_id, p.id AS programme_id, p.title,
                p.application_closes_at AS closes_at
           FROM applications a
           JOIN application_choices c ON c.application_id = a.id
           JOIN programmes p ON p.id = c.programme_id
           JOIN users u ON u.id = a.student_id
           LEFT JOIN notification_settings s ON s.user_id = a.student_id
          WHERE a.status = 'draft' AND p.status = 'published'
            AND p.application_closes_at > $1 AND p.application_closes_at <= $2
            AND u.active AND u.erased_at IS NULL AND COALESCE(s.draft_reminders, true)
          ORDER BY p.application_closes_at, a.id, p.id`,
        [now, new Date(now.getTime() + REMINDER_BEFORE_MS)],
      )) as Array<{
        application_id: string;
        student_id: string;
        programme_id: string;
        title: string;
        closes_at: Date;
      }>;
      let written = 0;
      for (const row of due) {
        const wrote = await this.notifications.enqueue(manager, {
          kind: 'draft-reminder',
          recipientId: row.student_id,
          facts: { programme: row.title, closesAt: new Date(row.closes_at).toISOString() },
          path: `/applications/${row.application_id}`,
          dedupeKey: `draft-reminder:${row.application_id}:${row.programme_id}`,
        });
        if (wrote) written += 1;
      }
      return written;
    });
  }

  /** Runs `work` in a transaction holding the schedule's advisory lock, or answers 0 when another has it. */
  private async locked(key: number, work: (manager: EntityManager) => Promise<number>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock($1, $2) AS locked`, [
        LOCK_NAMESPACE,
        key,
      ])) as Array<{ locked: boolean }>;
      return locked ? work(manager) : 0;
    });
  }
}
