import type { EntityManager } from 'typeorm';

/**
 * One piece of reference data (the home institution, the visit article, ...). Each step runs once
 * per database, ever: once recorded, later edits of its rows by users are never overwritten.
 */
export interface ReferenceDataStep {
  /** Stable identifier stored in reference_data_steps; never rename a step that has shipped. */
  name: string;
  run(manager: EntityManager): Promise<void>;
}
