import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReferenceDataStep } from './reference-data-step.js';
import { REFERENCE_DATA_STEPS } from './steps/index.js';

/**
 * Loads the reference data on start: each step not yet recorded in reference_data_steps runs in
 * its own transaction, under an advisory lock so concurrent starts load it once.
 */
@Injectable()
export class ReferenceDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataService.name);

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.load(REFERENCE_DATA_STEPS);
  }

  async load(steps: ReferenceDataStep[]): Promise<void> {
    for (const step of steps) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reference-data'))`);
        const done = await manager.query(`SELECT 1 FROM reference_data_steps WHERE name = $1`, [step.name]);
        if (done.length > 0) return;
        await step.run(manager);
        await manager.query(`INSERT INTO reference_data_steps (name) VALUES ($1)`, [step.name]);
        this.logger.log(`Loaded reference data: ${step.name}`);
      });
    }
  }
}
