import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { Institution } from './institution.entity.js';

/** An organisational unit of an institution (EWP's OUnit). */
@Entity('faculties')
@Index('faculties_institution_code_unique', ['institutionId', 'code'], { unique: true })
export class Faculty extends TimestampedEntity {
  @Column({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => Institution, (institution) => institution.faculties, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'faculties_institution_fk' })
  institution?: Relation<Institution>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Short code, unique within the institution (e.g. EII). */
  @Column({ type: 'varchar', length: 30 })
  code: string;
}
