import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import type { Locale } from '../common/domain.js';
import { ROLES, type Role, type StudyLevel } from './role.js';

@Entity('users')
@Check('users_email_lowercase', `email = lower(email)`)
@Check('users_role_known', statusIn('role', ROLES))
// A partner coordinator is bound to exactly one institution; nobody else is.
@Check('users_partner_institution', `(role = 'partner') = (institution_id IS NOT NULL)`)
@Check('users_study_level_known', `study_level IN ('bachelor', 'master', 'doctorate')`)
@Check('users_study_year_range', `study_year BETWEEN 1 AND 10`)
@Check('users_preferred_locale_known', `preferred_locale IN ('fr', 'en', 'ru', 'kk')`)
@Index('users_created_idx', ['createdAt', 'id'])
@Index('users_role_created_idx', ['role', 'createdAt', 'id'])
export class User extends TimestampedEntity {
  /** Stored lower-cased, so uniqueness ignores case. */
  @Index('users_email_unique', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /**
   * The address's confusable skeleton (UTS #39 style: `аdmin@` with a Cyrillic а and `admin@` have
   * the same), written by the database on every insert and email change and unique, so no two
   * accounts look alike. Null only for a lookalike that existed before the rule.
   */
  @Index('users_email_skeleton_unique', { unique: true })
  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  emailSkeleton: string | null;

  /** scrypt hash; never selected unless asked for. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Raised whenever existing tokens must stop working (deactivation, password change). */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @Column({ type: 'varchar', length: 50, nullable: true })
  studentNumber: string | null;

  @Column({ type: 'uuid', nullable: true })
  homeFacultyId: string | null;

  @ManyToOne(() => Faculty, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'home_faculty_id', foreignKeyConstraintName: 'users_home_faculty_fk' })
  homeFaculty?: Relation<Faculty>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  studyLevel: StudyLevel | null;

  @Column({ type: 'smallint', nullable: true })
  studyYear: number | null;

  /** The language of their notifications and e-mails (DEFAULT_LOCALE when the account was made). */
  @Column({ type: 'varchar', length: 2, default: 'fr' })
  preferredLocale: Locale;

  /** A partner coordinator's institution (set exactly for the `partner` role). */
  @Index('users_institution_idx')
  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'users_institution_fk' })
  institution?: Relation<Institution>;

  /** When the person was erased (their personal data replaced); null while they are not. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  erasedAt: Date | null;
}
