import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import type { CefrLevel, Term } from '../common/domain.js';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { Agreement } from '../agreements/agreement.entity.js';
import { Institution } from '../institutions/institution.entity.js';

export const PROGRAMME_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** The CHECK that holds `0 <= places_taken <= places` (see programme-places.ts). */
export const PLACES_WITHIN_BOUNDS = 'programmes_places_within_bounds';

/**
 * A call for applications: a number of places at a host institution for one academic year and
 * term. `placesTaken` is the count of approved applications placed on it, kept in the same
 * transaction as each approval or withdrawal; the CHECK makes overbooking impossible.
 */
@Entity('programmes')
@Check('programmes_term_known', `term IN ('autumn', 'spring', 'full-year')`)
@Check('programmes_status_known', statusIn('status', PROGRAMME_STATUSES))
@Check(PLACES_WITHIN_BOUNDS, `places >= 0 AND places_taken >= 0 AND places_taken <= places`)
@Check('programmes_window_ordered', `application_opens_at < application_closes_at`)
@Check('programmes_dates_ordered', `application_closes_at <= start_date AND start_date < end_date`)
@Check(
  'programmes_min_language_level_known',
  `min_language_level IS NULL OR min_language_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')`,
)
@Index('programmes_created_idx', ['createdAt', 'id'])
// Lists are sorted by application deadline, then id.
@Index('programmes_closes_idx', ['applicationClosesAt', 'id'])
@Index('programmes_status_year_term_idx', ['status', 'academicYear', 'term'])
// The migration adds programmes_title_search_idx, a trigram index on portal_unaccent(lower(title)).
export class Programme extends TimestampedEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index('programmes_host_idx')
  @Column({ type: 'uuid' })
  hostInstitutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_institution_id', foreignKeyConstraintName: 'programmes_host_institution_fk' })
  hostInstitution?: Relation<Institution>;

  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'programmes_agreement_fk' })
  agreement?: Relation<Agreement>;

  /** `2025/2026` */
  @Column({ type: 'char', length: 9 })
  academicYear: string;

  @Column({ type: 'varchar', length: 10 })
  term: Term;

  /** Mobility period, as calendar dates (YYYY-MM-DD). */
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'timestamptz', precision: 3 })
  applicationOpensAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  applicationClosesAt: Date;

  @Column({ type: 'integer' })
  places: number;

  @Column({ type: 'integer', default: 0 })
  placesTaken: number;

  /** Home faculties whose students may apply; empty means all. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  eligibleFacultyIds: string[];

  /** Language of instruction (ISO 639-1) that minLanguageLevel applies to. */
  @Column({ type: 'char', length: 2, nullable: true })
  languageOfInstruction: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  minLanguageLevel: CefrLevel | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: ProgrammeStatus;
}
