import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import type { CefrLevel } from '../common/domain.js';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';

export const AGREEMENT_KINDS = ['erasmus-icm', 'bilateral', 'double-degree'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** An inter-institutional agreement between the home institution and a partner. */
@Entity('agreements')
@Check('agreements_kind_known', `kind IN ('erasmus-icm', 'bilateral', 'double-degree')`)
@Check('agreements_status_known', statusIn('status', AGREEMENT_STATUSES))
@Check('agreements_places_non_negative', `outgoing_places_per_year >= 0 AND incoming_places_per_year >= 0`)
@Check('agreements_months_range', `months_per_mobility BETWEEN 1 AND 24`)
@Check('agreements_years_ordered', `first_academic_year <= last_academic_year`)
@Check(
  'agreements_language_pair',
  `(language_code IS NULL) = (language_cefr_level IS NULL) AND (language_cefr_level IS NULL OR language_cefr_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'))`,
)
@Index('agreements_created_idx', ['createdAt', 'id'])
export class Agreement extends TimestampedEntity {
  @Index('agreements_partner_idx')
  @Column({ type: 'uuid' })
  partnerInstitutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_institution_id', foreignKeyConstraintName: 'agreements_partner_fk' })
  partnerInstitution?: Relation<Institution>;

  /** The home faculty the agreement belongs to, if it is not university-wide. */
  @Column({ type: 'uuid', nullable: true })
  facultyId: string | null;

  @ManyToOne(() => Faculty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'faculty_id', foreignKeyConstraintName: 'agreements_faculty_fk' })
  faculty?: Relation<Faculty>;

  @Column({ type: 'varchar', length: 20 })
  kind: AgreementKind;

  /** ISCED-F 2013 detailed field codes (4 digits), e.g. 0231 (language acquisition). */
  @Column({ type: 'varchar', length: 4, array: true, default: () => "'{}'" })
  subjectAreas: string[];

  /** Recommended language skill: ISO 639-1 language... */
  @Column({ type: 'char', length: 2, nullable: true })
  languageCode: string | null;

  /** ...and its CEFR level. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  languageCefrLevel: CefrLevel | null;

  @Column({ type: 'integer' })
  outgoingPlacesPerYear: number;

  @Column({ type: 'integer' })
  incomingPlacesPerYear: number;

  @Column({ type: 'smallint' })
  monthsPerMobility: number;

  /** `2025/2026` */
  @Column({ type: 'char', length: 9 })
  firstAcademicYear: string;

  @Column({ type: 'char', length: 9 })
  lastAcademicYear: string;

  @Index('agreements_status_idx')
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: AgreementStatus;
}
