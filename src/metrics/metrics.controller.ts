import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { OwnAuthorization } from '../auth/decorators/own-authorization.decorator.js';
import type { Environment } from '../config/environment.js';
import { Metrics } from './metrics.service.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  private readonly token?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    config: ConfigService<Environment, true>,
  ) {
    const token = config.get('METRICS_TOKEN', { infer: true });
    this.token = token ? digest(token) : undefined;
  }

  /**
   * Prometheus metrics of this instance. With METRICS_TOKEN set, only for
   * `Authorization: Bearer <METRICS_TOKEN>` (else 401); unset, for anyone (keep it off the public
   * proxy). Scrapes are not counted.
   */
  @OwnAuthorization()
  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.token) {
      const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
      if (!timingSafeEqual(digest(given), this.token)) {
        throw new UnauthorizedException('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    return this.metrics.registry.metrics();
  }
}
