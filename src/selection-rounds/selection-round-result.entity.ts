import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import type { ChoiceReason } from './allocation.js';
import { SelectionRound } from './selection-round.entity.js';

/** numeric comes back from pg as a string; the API speaks numbers. */
const numeric = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** What a round gives one application, and why not each better choice. */
@Entity('selection_round_results')
@Index('selection_round_results_application_idx', ['applicationId'])
@Index('selection_round_results_rank_key', ['roundId', 'rank'], { unique: true })
export class SelectionRoundResult {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => SelectionRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'selection_round_results_round_fk' })
  round?: Relation<SelectionRound>;

  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'selection_round_results_application_fk' })
  application?: Relation<Application>;

  /** Position in the round's priority order, 1 first. */
  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'numeric', precision: 10, scale: 4, transformer: numeric })
  score: number;

  /** The programme given (or kept); null: waitlisted. */
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @Column({ type: 'smallint', nullable: true })
  choiceRank: number | null;

  /** The programme an approved application held when the round ran (rounds with upgrades). */
  @Column({ type: 'uuid', nullable: true })
  heldProgrammeId: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reasons: ChoiceReason[];
}
