import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { User } from '../users/user.entity.js';
import { IncomingMobility } from './incoming-mobility.entity.js';
import type { IncomingStatus } from './incoming-status.js';

/**
 * One step in an incoming mobility's history: who moved it from which status to which, when
 * (createdAt), and the actual date recorded for an arrival or departure. The nomination itself
 * (creation or import) is the first event, from no status.
 */
@Entity('incoming_events')
@Check(
  'incoming_events_status_known',
  `to_status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled') AND (from_status IS NULL OR from_status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled'))`,
)
@Index('incoming_events_mobility_idx', ['mobilityId', 'createdAt', 'id'])
export class IncomingEvent extends TimestampedEntity {
  @Column({ type: 'uuid' })
  mobilityId: string;

  @ManyToOne(() => IncomingMobility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mobility_id', foreignKeyConstraintName: 'incoming_events_mobility_fk' })
  mobility?: Relation<IncomingMobility>;

  @Index('incoming_events_actor_idx')
  @Column({ type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'incoming_events_actor_fk' })
  actor?: Relation<User>;

  /** null for the nomination itself. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: IncomingStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: IncomingStatus;

  /** The actual arrival or departure date the transition recorded. */
  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
