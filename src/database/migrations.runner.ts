import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Runs pending migrations at start. A session-level advisory lock makes concurrent starts (several
 * instances, parallel test workers) take turns, so each migration runs once.
 */
@Injectable()
export class MigrationsRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationsRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('mobility-portal-migrations'))`);
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) this.logger.log(`Applied migration ${migration.name}`);
    } finally {
      await runner
        .query(`SELECT pg_advisory_unlock(hashtext('mobility-portal-migrations'))`)
        .catch(() => undefined);
      await runner.release();
    }
  }
}
