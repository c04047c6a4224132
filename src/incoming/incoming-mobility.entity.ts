import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import type { Term } from '../common/domain.js';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { Agreement } from '../agreements/agreement.entity.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { INCOMING_STATUSES, type IncomingStatus } from './incoming-state.js';
import { statusIn } from '../common/workflow.js';

/**
 * A student nominated by a partner institution to study at the home institution, from
 * nomination to departure. Status and actual dates go together (CHECK): an arrived student has
 * an arrival date, a departed one a departure on or after it, nobody else has either.
 */
@Entity('incoming_mobilities')
@Check('incoming_email_lowercase', `email = lower(email)`)
@Check('incoming_status_known', statusIn('status', INCOMING_STATUSES))
@Check('incoming_term_known', `term IN ('autumn', 'spring', 'full-year')`)
@Check('incoming_academic_year_format', `academic_year ~ '^[0-9]{4}/[0-9]{4}$'`)
@Check('incoming_planned_dates_ordered', `planned_arrival < planned_departure`)
@Check(
  'incoming_actual_dates_match_status',
  `(status IN ('nominated', 'accepted', 'cancelled') AND actual_arrival IS NULL AND actual_departure IS NULL) OR (status = 'arrived' AND actual_arrival IS NOT NULL AND actual_departure IS NULL) OR (status = 'departed' AND actual_arrival IS NOT NULL AND actual_departure >= actual_arrival)`,
)
// One live mobility per student, academic year and term: a cancelled one may be nominated again.
@Index('incoming_email_year_term_unique', ['email', 'academicYear', 'term'], {
  unique: true,
  where: `status <> 'cancelled'`,
})
@Index('incoming_created_idx', ['createdAt', 'id'])
@Index('incoming_status_created_idx', ['status', 'createdAt', 'id'])
@Index('incoming_year_term_idx', ['academicYear', 'term'])
// Who is on campus on a day: arrived on or before it, not departed before it.
@Index('incoming_presence_idx', ['actualArrival', 'actualDeparture'], { where: 'actual_arrival IS NOT NULL' })
// The migration adds incoming_search_idx, a trigram index on
// portal_unaccent(lower(first_name || ' ' || last_name || ' ' || email)) for `q`.
export class IncomingMobility extends TimestampedEntity {
  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  /** Stored lower-cased, so the uniqueness per academic year and term ignores case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The partner that nominated the student. */
  @Index('incoming_home_institution_idx')
  @Column({ type: 'uuid' })
  homeInstitutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_institution_id', foreignKeyConstraintName: 'incoming_home_institution_fk' })
  homeInstitution?: Relation<Institution>;

  /** The faculty of the home institution that hosts the student. */
  @Index('incoming_host_faculty_idx')
  @Column({ type: 'uuid' })
  hostFacultyId: string;

  @ManyToOne(() => Faculty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_faculty_id', foreignKeyConstraintName: 'incoming_host_faculty_fk' })
  hostFaculty?: Relation<Faculty>;

  @Index('incoming_agreement_idx')
  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'incoming_agreement_fk' })
  agreement?: Relation<Agreement>;

  /** `2025/2026` */
  @Column({ type: 'char', length: 9 })
  academicYear: string;

  @Column({ type: 'varchar', length: 10 })
  term: Term;

  /** Calendar dates, YYYY-MM-DD. */
  @Column({ type: 'date' })
  plannedArrival: string;

  @Column({ type: 'date' })
  plannedDeparture: string;

  @Column({ type: 'date', nullable: true })
  actualArrival: string | null;

  @Column({ type: 'date', nullable: true })
  actualDeparture: string | null;

  @Column({ type: 'varchar', length: 20, default: 'nominated' })
  status: IncomingStatus;

  @Column({ type: 'text', default: '' })
  notes: string;
}
