import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { WorkflowEvent } from '../common/entities/workflow-event.entity.js';
import { eventStatusesCheck, statusIn } from '../common/workflow.js';
import { User } from '../users/user.entity.js';
import { OutgoingMobility } from './outgoing-mobility.entity.js';
import {
  OUTGOING_STATUSES,
  VERIFICATION_STATUSES,
  type OutgoingStatus,
  type VerificationStatus,
} from './outgoing-state.js';

/**
 * One step of an outgoing mobility's history (the workflow event shape of
 * `src/common/workflow.ts`): a status change with the actual date it recorded, or the receiving
 * side's answer (`verification`, the status unchanged). The confirmation is the first event.
 */
@Entity('outgoing_events')
@Check('outgoing_events_statuses_known', eventStatusesCheck(OUTGOING_STATUSES))
@Check(
  'outgoing_events_verification_known',
  `verification IS NULL OR ${statusIn('verification', VERIFICATION_STATUSES)}`,
)
@Index('outgoing_events_timeline_idx', ['mobilityId', 'id'])
@Index('outgoing_events_actor_idx', ['actorId'])
export class OutgoingEvent extends WorkflowEvent<OutgoingStatus> {
  @Column({ type: 'uuid' })
  mobilityId: string;

  @ManyToOne(() => OutgoingMobility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mobility_id', foreignKeyConstraintName: 'outgoing_events_mobility_fk' })
  mobility?: Relation<OutgoingMobility>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'outgoing_events_actor_fk' })
  actor?: Relation<User>;

  /** The actual arrival or departure date the step recorded. */
  @Column({ type: 'date', nullable: true })
  date: string | null;

  /** The receiving side's answer this event records; null for a status change. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  verification: VerificationStatus | null;
}
