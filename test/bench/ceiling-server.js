// The ceilings the portal is compared with, started by the runner as a child process:
//  - without CEILING_DATABASE_URL: a bare Fastify server answering GET /health with a small JSON;
//  - with it: bare Fastify + pg running, for each list route, the same SQL as the portal (see
//    queries.js) and answering the same JSON, with nothing else (no Nest, no TypeORM, no
//    validation, no guards beyond checking the token and looking the user up as the portal does).
// Listens on 127.0.0.1:PORT only.
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { buildQueries, listNews, listProgrammes, listQueue, readSchema } from './queries.js';

const port = Number(process.env.PORT ?? 0);
const databaseUrl = process.env.CEILING_DATABASE_URL;
const secret = process.env.JWT_SECRET ?? '';

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));

if (databaseUrl) {
  // As many connections as the portal's pool (DATABASE_POOL_SIZE defaults to 10).
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: Number(process.env.CEILING_POOL_SIZE ?? 10),
  });

  const sql = buildQueries(await readSchema(pool));
  app.get('/api/programmes', async () => listProgrammes(pool, sql));
  app.get('/api/news', async () => listNews(pool, sql));
  app.get('/api/applications', async (request, reply) => {
    const claims = verifyToken(request.headers.authorization);
    if (!claims || (claims.role !== 'advisor' && claims.role !== 'admin' && claims.role !== 'coordinator')) {
      return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });
    }
    const query = /** @type {Record<string, string | undefined>} */ (request.query);
    const page = await listQueue(pool, sql, {
      userId: claims.sub,
      status: query.status ?? 'submitted',
      cursor: query.cursor,
    });
    if (!page)
      return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Unknown user' });
    return page;
  });
  app.addHook('onClose', async () => pool.end());
}

/**
 * An HS256 JWT's claims when its signature and expiry hold.
 * @param {string | undefined} header
 * @returns {{ sub: string, role: string, ver: number } | null}
 */
function verifyToken(header) {
  if (!header?.startsWith('Bearer ')) return null;
  const [head, payload, signature] = header.slice(7).split('.');
  if (!head || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
  return claims;
}

process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

await app.listen({ port, host: '127.0.0.1' });
