import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import type { Term } from '../common/domain.js';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { User } from '../users/user.entity.js';
import type { AllocationWeights } from './allocation.js';
import { SELECTION_ROUND_STATUSES, type SelectionRoundStatus } from './selection-round-state.js';

/** A programme of the round as it was at the preview, and what the round gives on it. */
export interface RoundProgrammeRecord {
  programmeId: string;
  title: string;
  places: number;
  placesTaken: number;
  capacity: number;
  taken: number;
  cutoffScore: number | null;
}

/**
 * One allocation of the places of an academic year and term by score: computed and stored at
 * creation (the preview), applied once by its commit. `fingerprint` is the SHA-256 of every input
 * the allocation read; the commit recomputes it under locks and refuses when it differs.
 */
@Entity('selection_rounds')
@Check('selection_rounds_status_known', statusIn('status', SELECTION_ROUND_STATUSES))
@Check('selection_rounds_committed_iff_at', `(status = 'committed') = (committed_at IS NOT NULL)`)
@Check('selection_rounds_term_known', `term IN ('autumn', 'spring', 'full-year')`)
@Index('selection_rounds_created_idx', ['createdAt', 'id'])
export class SelectionRound extends TimestampedEntity {
  @Column({ type: 'char', length: 9 })
  academicYear: string;

  @Column({ type: 'varchar', length: 10 })
  term: Term;

  @Column({ type: 'jsonb' })
  weights: AllocationWeights;

  @Column({ type: 'boolean', default: false })
  allowUpgrades: boolean;

  /** The lottery's seed (hex), drawn at creation. */
  @Column({ type: 'varchar', length: 64 })
  seed: string;

  @Column({ type: 'varchar', length: 20, default: 'preview' })
  status: SelectionRoundStatus;

  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  programmes: RoundProgrammeRecord[];

  @Column({ type: 'integer' })
  applicationCount: number;

  @Column({ type: 'integer' })
  placedCount: number;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'selection_rounds_created_by_fk' })
  createdBy?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  committedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committed_by_id', foreignKeyConstraintName: 'selection_rounds_committed_by_fk' })
  committedBy?: Relation<User>;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  committedAt: Date | null;
}
