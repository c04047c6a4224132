import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { WorkflowEvent } from '../common/entities/workflow-event.entity.js';
import { eventStatusesCheck } from '../common/workflow.js';
import { User } from '../users/user.entity.js';
import { IncomingMobility } from './incoming-mobility.entity.js';
import { INCOMING_STATUSES, type IncomingStatus } from './incoming-state.js';

/**
 * One step of an incoming mobility's history (the workflow event shape of
 * `src/common/workflow.ts`), plus the actual arrival or departure date the step recorded. The
 * nomination itself (creation or import) is the first event, from no status.
 */
@Entity('incoming_events')
@Check('incoming_events_statuses_known', eventStatusesCheck(INCOMING_STATUSES))
@Index('incoming_events_timeline_idx', ['mobilityId', 'id'])
@Index('incoming_events_actor_idx', ['actorId'])
export class IncomingEvent extends WorkflowEvent<IncomingStatus> {
  @Column({ type: 'uuid' })
  mobilityId: string;

  @ManyToOne(() => IncomingMobility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mobility_id', foreignKeyConstraintName: 'incoming_events_mobility_fk' })
  mobility?: Relation<IncomingMobility>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'incoming_events_actor_fk' })
  actor?: Relation<User>;

  /** The actual arrival or departure date the transition recorded. */
  @Column({ type: 'date', nullable: true })
  date: string | null;
}
