import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthModule } from './auth/auth.module.js';
import { LoggerModule } from './common/logging/logger.module.js';
import { validateEnvironment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { ReferenceDataModule } from './reference-data/reference-data.module.js';
import { UsersModule } from './users/users.module.js';

@Module({
  imports: [
    // main.ts loads .env itself (before the embedded database starts); here only validation.
    ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: validateEnvironment }),
    LoggerModule,
    DatabaseModule,
    HealthModule,
    AuthModule,
    UsersModule,
    ReferenceDataModule,
  ],
})
export class AppModule {}
