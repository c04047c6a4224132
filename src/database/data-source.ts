/**
 * The TypeORM CLI's data source (migration:generate|run|revert). It reads DATABASE_URL;
 * `npm run migration:*` compiles first, so the CLI loads the built JavaScript.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment.js';
import { typeOrmOptions } from './typeorm-options.js';

const env = validateEnvironment(process.env, { purpose: 'cli' });
if (!env.DATABASE_URL) {
  throw new Error('The TypeORM CLI needs DATABASE_URL (start the portal once to see the embedded URL).');
}

export default new DataSource(
  typeOrmOptions({
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  }),
);
