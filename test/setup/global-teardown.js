import { dropTestDatabase } from './test-database.js';

export default async function globalTeardown() {
  const database = /** @type {Record<string, any>} */ (globalThis).__TEST_DATABASE__;
  if (database) await dropTestDatabase(database);
}
