import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Agreement } from '../agreements/agreement.entity.js';
import { Application } from '../applications/application.entity.js';
import type { CefrLevel, Term } from '../common/domain.js';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { Programme } from '../programmes/programme.entity.js';
import { User } from '../users/user.entity.js';
import {
  OUTGOING_STATUSES,
  VERIFICATION_STATUSES,
  type OutgoingStatus,
  type VerificationStatus,
} from './outgoing-state.js';

/**
 * A student of the home institution going to a partner (EWP's "omobility"), created when the
 * student confirms an approved place. The student's names, email and identifiers are copied at
 * confirmation (what was nominated stays as it was sent). Status and actual dates go together
 * (CHECK), as does a rejected answer and its reason.
 */
@Entity('outgoing_mobilities')
@Check('outgoing_status_known', statusIn('status', OUTGOING_STATUSES))
@Check('outgoing_verification_known', statusIn('verification_status', VERIFICATION_STATUSES))
@Check(
  'outgoing_rejection_commented',
  `verification_status <> 'rejected' OR verification_comment IS NOT NULL`,
)
@Check('outgoing_term_known', `term IN ('autumn', 'spring', 'full-year')`)
@Check('outgoing_eqf_level_known', `eqf_level IS NULL OR eqf_level IN (6, 7, 8)`)
@Check('outgoing_subject_area_format', `subject_area IS NULL OR subject_area ~ '^[0-9]{4}$'`)
@Check('outgoing_citizenship_format', `citizenship IS NULL OR citizenship ~ '^[A-Z]{2}$'`)
@Check(
  'outgoing_cefr_level_known',
  `cefr_level IS NULL OR cefr_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')`,
)
@Check('outgoing_planned_dates_ordered', `planned_arrival < planned_departure`)
@Check(
  'outgoing_actual_dates_match_status',
  `(status = 'nomination' AND actual_arrival IS NULL AND actual_departure IS NULL) OR (status = 'live' AND actual_arrival IS NOT NULL AND actual_departure IS NULL) OR (status = 'recognized' AND actual_arrival IS NOT NULL AND actual_departure >= actual_arrival) OR (status = 'cancelled' AND actual_departure IS NULL)`,
)
@Index('outgoing_created_idx', ['createdAt', 'id'])
@Index('outgoing_status_created_idx', ['status', 'createdAt', 'id'])
@Index('outgoing_year_term_idx', ['academicYear', 'term'])
export class OutgoingMobility extends TimestampedEntity {
  /** The confirmed application it comes from: one mobility per application. */
  @Index('outgoing_application_unique', { unique: true })
  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'outgoing_application_fk' })
  application?: Relation<Application>;

  @Index('outgoing_student_idx')
  @Column({ type: 'uuid' })
  studentId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id', foreignKeyConstraintName: 'outgoing_student_fk' })
  student?: Relation<User>;

  @Index('outgoing_programme_idx')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'outgoing_programme_fk' })
  programme?: Relation<Programme>;

  /** The home institution (EWP's sending HEI). */
  @Column({ type: 'uuid' })
  sendingInstitutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sending_institution_id', foreignKeyConstraintName: 'outgoing_sending_institution_fk' })
  sendingInstitution?: Relation<Institution>;

  /** The student's home faculty (EWP's sending organisational unit), when known. */
  @Column({ type: 'uuid', nullable: true })
  sendingFacultyId: string | null;

  @ManyToOne(() => Faculty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sending_faculty_id', foreignKeyConstraintName: 'outgoing_sending_faculty_fk' })
  sendingFaculty?: Relation<Faculty>;

  /** The host (EWP's receiving HEI). */
  @Index('outgoing_receiving_institution_idx')
  @Column({ type: 'uuid' })
  receivingInstitutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'receiving_institution_id',
    foreignKeyConstraintName: 'outgoing_receiving_institution_fk',
  })
  receivingInstitution?: Relation<Institution>;

  /** The host's faculty receiving the student, named by the receiving side when it verifies. */
  @Column({ type: 'uuid', nullable: true })
  receivingFacultyId: string | null;

  @ManyToOne(() => Faculty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receiving_faculty_id', foreignKeyConstraintName: 'outgoing_receiving_faculty_fk' })
  receivingFaculty?: Relation<Faculty>;

  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'outgoing_agreement_fk' })
  agreement?: Relation<Agreement>;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** European Student Identifier (EWP `global-id`). */
  @Column({ type: 'varchar', length: 300 })
  globalId: string;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  citizenship: string | null;

  /** `2025/2026` */
  @Column({ type: 'char', length: 9 })
  academicYear: string;

  @Column({ type: 'varchar', length: 10 })
  term: Term;

  @Column({ type: 'date' })
  plannedArrival: string;

  @Column({ type: 'date' })
  plannedDeparture: string;

  @Column({ type: 'date', nullable: true })
  actualArrival: string | null;

  @Column({ type: 'date', nullable: true })
  actualDeparture: string | null;

  /** 6 bachelor, 7 master, 8 doctorate. */
  @Column({ type: 'smallint', nullable: true })
  eqfLevel: number | null;

  /** ISCED-F 2013 code (4 digits). */
  @Column({ type: 'varchar', length: 4, nullable: true })
  subjectArea: string | null;

  /** The language of instruction (ISO 639-1)... */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  /** ...and the student's CEFR level in it. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  cefrLevel: CefrLevel | null;

  @Column({ type: 'varchar', length: 20, default: 'nomination' })
  status: OutgoingStatus;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  verificationStatus: VerificationStatus;

  /** The receiving side's reason when it rejects (required then), or a remark when it verifies. */
  @Column({ type: 'text', nullable: true })
  verificationComment: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  verifiedAt: Date | null;
}
