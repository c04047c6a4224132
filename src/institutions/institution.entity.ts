import { Check, Column, Entity, Index, OneToMany, type Relation } from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { Faculty } from './faculty.entity.js';

@Entity('institutions')
@Check('institutions_country_code_format', `country_code ~ '^[A-Z]{2}$'`)
@Index('institutions_created_idx', ['createdAt', 'id'])
// Lists are sorted by name, then id (stable pages when names repeat).
@Index('institutions_name_idx', ['name', 'id'])
// Accent- and case-insensitive search on the name: the migration adds a trigram index on
// portal_unaccent(lower(name)) (institutions_name_search_idx).
export class Institution extends TimestampedEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  abbreviation: string | null;

  /** ISO 3166-1 alpha-2, upper case. */
  @Index('institutions_country_idx')
  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** The institution's internet domain, unique (EWP's SCHAC code), e.g. umons.ac.be. */
  @Index('institutions_schac_code_unique', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  schacCode: string;

  /** Erasmus code; partners outside the EU programme have none. */
  @Index('institutions_erasmus_code_unique', { unique: true, where: 'erasmus_code IS NOT NULL' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  erasmusCode: string | null;

  /** The university running the portal; at most one row has it (partial unique index). */
  @Index('institutions_single_home', { unique: true, where: 'is_home' })
  @Column({ type: 'boolean', default: false })
  isHome: boolean;

  @OneToMany(() => Faculty, (faculty) => faculty.institution)
  faculties?: Relation<Faculty[]>;
}
