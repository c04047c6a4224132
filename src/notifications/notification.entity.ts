import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { LOCALES, type Locale } from '../common/domain.js';
import { statusIn } from '../common/workflow.js';
import { User } from '../users/user.entity.js';
import {
  EMAIL_STATUSES,
  NOTIFICATION_KINDS,
  type EmailStatus,
  type NotificationKind,
} from './notification-kinds.js';

/**
 * One notification: shown in the portal to its recipient, and the outbox row of its e-mail.
 * Written in the transaction of the change it announces; `dedupeKey` makes a second write of the
 * same announcement (another instance's digest run, a retried schedule) a no-op.
 */
@Entity('notifications')
@Check('notifications_kind_known', statusIn('kind', NOTIFICATION_KINDS))
@Check('notifications_status_known', statusIn('status', EMAIL_STATUSES))
@Check('notifications_locale_known', statusIn('locale', LOCALES))
@Check('notifications_sending_claimed', `status <> 'sending' OR claimed_until IS NOT NULL`)
@Index('notifications_recipient_idx', ['recipientId', 'createdAt', 'id'])
@Index('notifications_due_idx', ['nextAttemptAt'], { where: `status IN ('pending', 'sending')` })
@Index('notifications_status_idx', ['status', 'createdAt', 'id'])
export class Notification extends TimestampedEntity {
  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notifications_recipient_fk' })
  recipient?: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text' })
  htmlBody: string;

  /** The absolute address of the page concerned. */
  @Column({ type: 'text' })
  link: string;

  @Index('notifications_dedupe_key_unique', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  /** The e-mail's state: pending (due at nextAttemptAt), sending (claimed), sent, dead (given up). */
  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: EmailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  nextAttemptAt: Date;

  /** While `sending`: the claim holds until then; after it, another sender may take the row. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  claimedUntil: Date | null;

  /** Who holds the claim: a sender finishes only rows still claimed by it. */
  @Column({ type: 'uuid', nullable: true })
  claimToken: string | null;

  /** The same on every try of the e-mail, set at the first one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  messageId: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  /** When the recipient marked it read in the portal. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;
}
