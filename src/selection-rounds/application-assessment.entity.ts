import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A staff member's assessment of an application's motivation (0 to 5), the part of a selection
 * round's score that is not a fact of the application. One per application, replaced by a new rating.
 */
@Entity('application_assessments')
@Check('application_assessments_rating_range', `motivation_rating BETWEEN 0 AND 5`)
@Check('application_assessments_note_length', `char_length(note) <= 2000`)
export class ApplicationAssessment {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_assessments_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'smallint' })
  motivationRating: number;

  /** For staff only; never shown to the student. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  assessedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessed_by_id', foreignKeyConstraintName: 'application_assessments_assessed_by_fk' })
  assessedBy?: Relation<User>;

  @Column({ type: 'timestamptz', precision: 3 })
  assessedAt: Date;
}
