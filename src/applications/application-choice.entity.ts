import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Programme } from '../programmes/programme.entity.js';
import { Application } from './application.entity.js';

/**
 * One ranked choice of an application (rank 1 is the student's first wish). A plain join row
 * keyed by (application, rank): it has no life of its own, so no id or timestamps.
 */
@Entity('application_choices')
@Check('application_choices_rank_range', `rank BETWEEN 1 AND 3`)
@Index('application_choices_programme_unique', ['applicationId', 'programmeId'], { unique: true })
export class ApplicationChoice {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'smallint' })
  rank: number;

  @ManyToOne(() => Application, (application) => application.choices, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_choices_application_fk' })
  application?: Relation<Application>;

  /** Filters of the review queue by programme go through this index. */
  @Index('application_choices_programme_idx')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'application_choices_programme_fk' })
  programme?: Relation<Programme>;
}
