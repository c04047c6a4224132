import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { WorkflowEvent } from '../common/entities/workflow-event.entity.js';
import { eventStatusesCheck } from '../common/workflow.js';
import { Programme } from '../programmes/programme.entity.js';
import { User } from '../users/user.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application-state.js';
import { Application } from './application.entity.js';

/**
 * One step of an application's history (the workflow event shape of `src/common/workflow.ts`),
 * written in the transaction of the change, plus the programme whose place the step took or freed.
 */
@Entity('application_events')
@Check('application_events_statuses_known', eventStatusesCheck(APPLICATION_STATUSES))
@Index('application_events_timeline_idx', ['applicationId', 'id'])
@Index('application_events_actor_idx', ['actorId'])
export class ApplicationEvent extends WorkflowEvent<ApplicationStatus> {
  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_events_application_fk' })
  application?: Relation<Application>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'application_events_actor_fk' })
  actor?: Relation<User>;

  /** The programme whose place the step took (approval) or freed (withdrawal after approval). */
  @Index('application_events_programme_idx')
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'application_events_programme_fk' })
  programme?: Relation<Programme>;
}
