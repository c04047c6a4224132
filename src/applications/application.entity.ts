import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { Term } from '../common/domain.js';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { Programme } from '../programmes/programme.entity.js';
import { User } from '../users/user.entity.js';
import { ApplicationChoice } from './application-choice.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application-state.js';
import type { LanguageSkillRecord } from './language-skills.js';

/** numeric comes back from pg as a string; the API speaks numbers. */
const numeric = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A student's application for a semester abroad: up to three ranked programme choices of one
 * academic year and term. The database holds the rules it can: one live application per student
 * and term (partial unique index), known statuses, a placed programme exactly while approved,
 * a comment on every rejection, a submission instant on everything that was submitted.
 */
@Entity('applications')
@Check('applications_status_known', statusIn('status', APPLICATION_STATUSES))
@Check(
  'applications_placed_iff_holding',
  `(status IN ('approved', 'confirmed')) = (placed_programme_id IS NOT NULL)`,
)
@Check('applications_rejection_commented', `status <> 'rejected' OR decision_comment IS NOT NULL`)
@Check('applications_submitted_at_set', `status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL`)
@Check('applications_grade_average_range', `grade_average BETWEEN 0 AND 20`)
@Check('applications_motivation_length', `char_length(motivation) <= 5000`)
@Check('applications_term_known', `term IN ('autumn', 'spring', 'full-year')`)
@Index('applications_one_live_per_term', ['studentId', 'academicYear', 'term'], {
  unique: true,
  where: `status NOT IN ('rejected', 'withdrawn', 'declined')`,
})
@Index('applications_student_created_idx', ['studentId', 'createdAt', 'id'])
// The review queue: oldest submission first, optionally by status.
@Index('applications_queue_idx', ['submittedAt', 'id'], { where: 'submitted_at IS NOT NULL' })
@Index('applications_status_queue_idx', ['status', 'submittedAt', 'id'], {
  where: 'submitted_at IS NOT NULL',
})
export class Application extends TimestampedEntity {
  @Column({ type: 'uuid' })
  studentId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id', foreignKeyConstraintName: 'applications_student_fk' })
  student?: Relation<User>;

  /** Taken from the choices, which all share it. */
  @Column({ type: 'char', length: 9 })
  academicYear: string;

  @Column({ type: 'varchar', length: 10 })
  term: Term;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  /** Belgian scale, 0 to 20. */
  @Column({ type: 'numeric', precision: 4, scale: 2, nullable: true, transformer: numeric })
  gradeAverage: number | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  languageSkills: LanguageSkillRecord[];

  /** The programme whose place the application holds; set exactly while approved or confirmed. */
  @Index('applications_placed_programme_idx')
  @Column({ type: 'uuid', nullable: true })
  placedProgrammeId: string | null;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placed_programme_id', foreignKeyConstraintName: 'applications_placed_programme_fk' })
  placedProgramme?: Relation<Programme>;

  @Column({ type: 'text', nullable: true })
  decisionComment: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  withdrawnAt: Date | null;

  /** Set on approval: the student confirms or declines the place before it (default 7 days). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  confirmationDeadline: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  declinedAt: Date | null;

  /** Raised by every change (TypeORM adds `version = version + 1` to each update). */
  @VersionColumn({ type: 'integer' })
  version: number;

  @OneToMany(() => ApplicationChoice, (choice) => choice.application)
  choices?: Relation<ApplicationChoice[]>;
}
