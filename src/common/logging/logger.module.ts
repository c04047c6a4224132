import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { Environment } from '../../config/environment.js';

/**
 * Nest's own logs (start-up, errors) as JSON lines through pino. Request lines come from
 * Fastify's logger (see createApp), each with the request id the response shows; errors logged by
 * the exception filter carry it too.
 */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        pinoHttp: { level: config.get('LOG_LEVEL', { infer: true }) },
        // No request middleware: it would run for every request, and Fastify logs them already.
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggerModule {}
