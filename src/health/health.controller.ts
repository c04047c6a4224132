import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, type SchemaObject } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators/public.decorator.js';

/**
 * Each checked indicator (here `database`) with its status, as @nestjs/terminus reports it. Its
 * own Swagger documentation is off: it is written only when terminus can load @nestjs/swagger,
 * which it does in the build but not under Jest, and the document must be the same in both.
 */
const INDICATORS: SchemaObject = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['up', 'degraded', 'down'] },
      responseTime: { type: 'number', description: 'Time the indicator took to answer, in ms' },
    },
    required: ['status'],
    additionalProperties: true,
  },
};

const HEALTH_CHECK_RESULT: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'error', 'shutting_down'] },
    info: INDICATORS,
    error: INDICATORS,
    details: INDICATORS,
  },
  required: ['status', 'details'],
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ok'] } },
      required: ['status'],
    },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the database answers within a second and has every migration this version knows
   * (e.g. a newer instance has not finished migrating, or they were rolled back), else 503.
   */
  @Public()
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ schema: HEALTH_CHECK_RESULT })
  @ApiServiceUnavailableResponse({ schema: HEALTH_CHECK_RESULT })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.migrationsCheck(),
    ]);
  }

  /** One query on the small migrations table: how many of this version's migrations it records. */
  private async migrationsCheck() {
    const session = this.indicators.check('migrations');
    const expected = this.dataSource.migrations.map((migration) => migration.name!);
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    try {
      const [row] = await this.dataSource.query<Array<{ applied: number }>>(
        `SELECT count(DISTINCT name)::int AS applied FROM "${table}" WHERE name = ANY($1)`,
        [expected],
      );
      const pending = expected.length - row.applied;
      return pending === 0 ? session.up() : session.down({ pending });
    } catch {
      return session.down({ pending: expected.length });
    }
  }
}
