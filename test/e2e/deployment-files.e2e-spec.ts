import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateEnvironment } from '../../src/config/environment.js';

/**
 * No Docker engine runs here: the production shape is checked by reading `docker-compose.yml`
 * and the `Dockerfile` (services, health checks, restart policies, replicas, the proxy's
 * upstreams, a non-root user on the current Node.js LTS, production dependencies only).
 */
interface ComposeService {
  image?: string;
  build?: string | { context: string };
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string; interval?: string; retries?: number };
  restart?: string;
  configs?: Array<{ source: string; target: string }>;
  container_name?: string;
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string; file?: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as Compose;
const dockerfile = readFileSync('Dockerfile', 'utf8');

/** Compose's `${NAME:-default}` and `${NAME:?error}` as a plain `docker compose up` sees them. */
function interpolate(value: string | number): string {
  return String(value).replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_match, name: string, kind?: string, rest?: string) => {
      if (kind === '-') return rest ?? '';
      if (kind === '?') return name === 'JWT_SECRET' ? 'a-secret-of-at-least-thirty-two-characters' : 'set';
      return '';
    },
  );
}

const healthcheckText = (service: ComposeService) => [service.healthcheck?.test ?? []].flat().join(' ');

describe('docker-compose.yml', () => {
  const { services } = compose;

  it('runs PostgreSQL, the app, a reverse proxy and Mailpit, each health-checked and restarted', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'db', 'mailpit', 'proxy']);
    for (const [name, service] of Object.entries(services)) {
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
      expect({ name, healthcheck: healthcheckText(service).length > 0 }).toEqual({ name, healthcheck: true });
      expect(service.container_name).toBeUndefined();
    }
    expect(services.db.image).toMatch(/^postgres:\d+/);
    expect(healthcheckText(services.db)).toContain('pg_isready');
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit:/);
    expect(services.proxy.image).toMatch(/^caddy:2/);
  });

  it('keeps the database in a named volume', () => {
    const [volume] = services.db.volumes ?? [];
    const [name, target] = volume.split(':');
    expect(Object.keys(compose.volumes ?? {})).toContain(name);
    expect(target).toBe('/var/lib/postgresql');
  });

  it('builds two app replicas from the Dockerfile, reachable only through the proxy', () => {
    const app = services.app;
    expect(app.build).toBe('.');
    expect(app.deploy?.replicas).toBe(2);
    // A published host port cannot be shared by replicas (nor by `--scale app=N`).
    expect(app.ports).toBeUndefined();
    expect(app.depends_on?.db).toEqual({ condition: 'service_healthy' });
    // Every part a string: an unquoted `a ? b : c` in YAML would silently become a mapping.
    const test = [app.healthcheck?.test ?? []].flat();
    expect(test.every((part) => typeof part === 'string')).toBe(true);
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(test[3]).toContain(`http://127.0.0.1:${app.environment?.PORT}/health/ready`);
  });

  it('gives the app a configuration it accepts: production, a shared secret it must be given, the proxy trusted', () => {
    const raw = Object.fromEntries(
      Object.entries(services.app.environment ?? {}).map(([key, value]) => [key, interpolate(value)]),
    );
    expect(services.app.environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(raw.NODE_ENV).toBe('production');
    const env = validateEnvironment(raw);
    expect(env.TRUST_PROXY).toBe('uniquelocal');
    expect(new URL(env.DATABASE_URL!).hostname).toBe('db');
    expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
  });

  it('balances round robin over every app instance, found by DNS, and keeps /metrics inside', () => {
    const proxy = services.proxy;
    const [mount] = proxy.configs ?? [];
    expect(mount.target).toBe('/etc/caddy/Caddyfile');
    const caddyfile = compose.configs?.[mount.source]?.content ?? '';
    const port = services.app.environment?.PORT;
    expect(caddyfile).toMatch(new RegExp(`reverse_proxy \\{[^]*dynamic a app ${port}\\b`));
    expect(caddyfile).toContain('lb_policy round_robin');
    expect(caddyfile).toMatch(/respond \/metrics 404/);
    expect(proxy.ports).toEqual([expect.stringMatching(/:80$/)]);
    expect(caddyfile).toMatch(/^:80 \{/m);
    expect(proxy.depends_on?.app).toEqual({ condition: 'service_healthy' });
  });
});

describe('Dockerfile', () => {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = lines.reduce<string[][]>((all, line) => {
    if (line.startsWith('FROM ')) all.push([]);
    all.at(-1)?.push(line);
    return all;
  }, []);
  const finalStage = stages.at(-1)!;

  it('builds on the current Node.js LTS in every stage (24 or a later even major)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const major = Number(/^FROM node:(\d+)/.exec(stage[0])?.[1]);
      expect(major).toBeGreaterThanOrEqual(24);
      expect(major % 2).toBe(0);
    }
  });

  it('runs as a non-root user', () => {
    const users = finalStage.filter((line) => line.startsWith('USER '));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)(:|$)/);
    expect(finalStage.indexOf(users.at(-1)!)).toBeLessThan(
      finalStage.findIndex((line) => line.startsWith('CMD ')),
    );
  });

  it('ships production dependencies only, the build output, and a health check', () => {
    const copiedModules = finalStage.find((line) => line.includes('node_modules'));
    const from = /--from=(\S+)/.exec(copiedModules ?? '')?.[1];
    const source = stages.find((stage) => stage[0].endsWith(` AS ${from}`));
    expect(source?.some((line) => /npm ci .*--omit=dev/.test(line))).toBe(true);
    expect(finalStage.some((line) => /npm (ci|install)/.test(line))).toBe(false);
    expect(finalStage).toContain('ENV NODE_ENV=production PORT=3000');
    expect(finalStage.some((line) => line.startsWith('HEALTHCHECK ') && line.includes('/health'))).toBe(true);
    expect(finalStage.at(-1)).toBe('CMD ["node", "dist/main.js"]');
  });

  it("keeps the checkout's secrets and local folders out of the build context", () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.git', '.env', '.data', 'dist']));
  });
});
