import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beginShutdown, createApp } from './app.factory.js';
import { EnvironmentError, validateEnvironment, type Environment } from './config/environment.js';
import type { RunningPostgres } from './database/embedded-postgres.js';

const SHUTDOWN_DEADLINE_MS = 9000;

function log(message: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: Date.now(), context: 'Bootstrap', msg: message, ...extra })}\n`,
  );
}

function loadEnvironment(): Environment {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const env = loadEnvironment();
  let embedded: RunningPostgres | undefined;
  let app: NestFastifyApplication | undefined;

  const stop = async (signal: string) => {
    log(`Received ${signal}: finishing requests in flight, then stopping`);
    const deadline = setTimeout(() => {
      log('Shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    try {
      if (app) beginShutdown(app);
      await app?.close();
      log('HTTP server and database pool closed');
      await embedded?.stop();
      log('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      log('Shutdown failed', { err: String(error) });
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));

  try {
    if (!env.DATABASE_URL) {
      const directory = path.resolve(env.DATA_DIR, 'postgres');
      // Loaded only when needed: production images set DATABASE_URL and ship without it.
      const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
      embedded = await startEmbeddedPostgres({
        directory,
        port: env.EMBEDDED_POSTGRES_PORT,
        database: 'portal',
      });
      // The app reads its connection from DATABASE_URL, like any other deployment.
      process.env.DATABASE_URL = embedded.url;
      log(`Embedded PostgreSQL running in ${directory} on 127.0.0.1:${embedded.port}`, {
        databaseUrl: embedded.url.replace(/:[^:@/]+@/, ':***@'),
      });
    }
    app = await createApp();
    await app.listen({ port: env.PORT, host: '0.0.0.0' });
    log(`Mobility portal listening on http://localhost:${env.PORT} (API docs at /api/docs)`);
  } catch (error) {
    process.stderr.write(
      `Start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

await bootstrap();
