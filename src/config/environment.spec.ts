import { EnvironmentError, trustProxyOption, validateEnvironment } from './environment.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('validateEnvironment', () => {
  it('stops a production start without JWT_SECRET, naming it', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(EnvironmentError);
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: '' })).toThrow(
      /JWT_SECRET: must be set when NODE_ENV=production/,
    );
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: SECRET }).JWT_SECRET).toBe(SECRET);
  });

  it('keeps the generated secret outside production, and for the migration CLI', () => {
    expect(validateEnvironment({}).JWT_SECRET).toBeUndefined();
    expect(validateEnvironment({ NODE_ENV: 'development' }).JWT_SECRET).toBeUndefined();
    expect(validateEnvironment({ NODE_ENV: 'production' }, { purpose: 'cli' }).JWT_SECRET).toBeUndefined();
  });

  it('names a short production secret once, by its length rule', () => {
    const error = (() => {
      try {
        validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'short' });
      } catch (thrown) {
        return (thrown as Error).message;
      }
      return '';
    })();
    expect(error).toContain('at least 32 characters');
    expect(error).not.toContain('must be set');
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['10.0.0.1', ['10.0.0.1']],
    ['uniquelocal, 192.0.2.0/24,::1', ['uniquelocal', '192.0.2.0/24', '::1']],
  ])('reads TRUST_PROXY=%s as Fastify trustProxy %p', (value, expected) => {
    const env = validateEnvironment(value === undefined ? {} : { TRUST_PROXY: value });
    expect(trustProxyOption(env.TRUST_PROXY)).toEqual(expected);
  });

  it('reads a TRUST_PROXY hop count as trusting that many nearest proxies', () => {
    const trust = trustProxyOption(validateEnvironment({ TRUST_PROXY: '2' }).TRUST_PROXY);
    expect(typeof trust).toBe('function');
    const byHop = (trust as (address: string, hop: number) => boolean).bind(null, '10.0.0.1');
    expect([0, 1, 2].map(byHop)).toEqual([true, true, false]);
  });

  it.each(['yes', 'proxy.example.org', '10.0.0.1;rm', '*'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => validateEnvironment({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be/);
  });

  it('checks REDIS_URL and METRICS_TOKEN', () => {
    expect(() => validateEnvironment({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/);
    expect(() => validateEnvironment({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(validateEnvironment({ REDIS_URL: 'redis://cache:6379/0' }).REDIS_URL).toBe('redis://cache:6379/0');
  });
});
