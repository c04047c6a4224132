import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Environment } from '../config/environment.js';
import { MigrationsRunner } from './migrations.runner.js';
import { typeOrmOptions } from './typeorm-options.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const url = config.get('DATABASE_URL', { infer: true });
        if (!url) throw new Error('DATABASE_URL is not set and no embedded database was started');
        return {
          ...typeOrmOptions({
            url,
            poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
            connectTimeoutMs: config.get('DATABASE_CONNECT_TIMEOUT_MS', { infer: true }),
          }),
          // One attempt: a start against an unreachable database fails fast and says why.
          retryAttempts: 1,
        };
      },
    }),
  ],
  providers: [MigrationsRunner],
})
export class DatabaseModule {}
