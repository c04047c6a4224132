// Once per `npm test`: a fresh database, and the environment every test app boots with.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from './test-database.js';

export default async function globalSetup() {
  const database = await createTestDatabase();
  /** @type {Record<string, unknown>} */ (globalThis).__TEST_DATABASE__ = database;
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ADMIN_EMAIL: 'admin@test.portal',
    ADMIN_PASSWORD: 'Admin-password-for-tests-1',
    DATA_DIR: database.embeddedDirectory ?? path.join(tmpdir(), 'portal-test-data'),
    RATE_LIMIT_PER_MINUTE: '0',
  });
}
