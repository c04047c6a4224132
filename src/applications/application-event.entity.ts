import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Programme } from '../programmes/programme.entity.js';
import { User } from '../users/user.entity.js';
import { Application } from './application.entity.js';
import type { ApplicationStatus } from './application-state.js';

/**
 * One step of an application's history: who moved it from which status to which, when, and why.
 * Written in the transaction of the change. The id is an identity: the events of one application
 * are written under its row lock, so their ids follow the order of the steps, even two steps
 * within one millisecond.
 */
@Entity('application_events')
@Check(
  'application_events_statuses_known',
  `to_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn') AND (from_status IS NULL OR from_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn'))`,
)
@Index('application_events_timeline_idx', ['applicationId', 'id'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_events_application_fk' })
  application?: Relation<Application>;

  @Index('application_events_actor_idx')
  @Column({ type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'application_events_actor_fk' })
  actor?: Relation<User>;

  /** Null for the creation of the draft. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The programme whose place the step took (approval) or freed (withdrawal after approval). */
  @Index('application_events_programme_idx')
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'application_events_programme_fk' })
  programme?: Relation<Programme>;

  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;
}
