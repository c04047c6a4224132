import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

/** Which digests and reminders a user receives; no row means every one is on. */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_settings_user_fk' })
  user?: Relation<User>;

  /** Advisors: the daily digest of submissions and freed places. */
  @Column({ type: 'boolean', default: true })
  dailyDigest: boolean;

  /** Coordinators: the weekly digest of planned arrivals and departures. */
  @Column({ type: 'boolean', default: true })
  weeklyDigest: boolean;

  /** Students: the reminder before a window of a programme in their draft closes. */
  @Column({ type: 'boolean', default: true })
  draftReminders: boolean;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
