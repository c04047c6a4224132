import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Turns "" into undefined so an empty variable counts as unset. */
const EmptyAsUnset = () => Transform(({ value }) => (value === '' ? undefined : value));

/** Number-valued variables keep their raw text when it is not a whole number, so the check can name them. */
const ToInteger = () =>
  Transform(({ value }) => {
    if (value === undefined || value === '') return undefined;
    return /^-?\d+$/.test(String(value)) ? Number(value) : value;
  });

const TRUST_PROXY_ENTRY = String.raw`(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)`;
/** `true`, `false`, a hop count, or a list of addresses, CIDR ranges and proxy-addr's names. */
export const TRUST_PROXY_SYNTAX = new RegExp(
  String.raw`^(?:true|false|\d{1,2}|${TRUST_PROXY_ENTRY}(?:\s*,\s*${TRUST_PROXY_ENTRY})*)$`,
);

/** TRUST_PROXY as Fastify's `trustProxy` option (a hop count: the nearest N proxies are trusted). */
export function trustProxyOption(
  value: string | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((entry) => entry.trim());
}

/**
 * Every environment variable the portal reads, with its default. Validated once at start:
 * a bad value stops the process with a message naming the variable.
 */
export class Environment {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** postgres://user:pass@host:port/db. Unset: an embedded PostgreSQL is started in DATA_DIR. */
  @EmptyAsUnset()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @EmptyAsUnset()
  @IsString()
  DATA_DIR: string = '.data';

  /** Port of the embedded PostgreSQL; unset picks a free one. */
  @ToInteger()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT?: number;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(120_000)
  DATABASE_CONNECT_TIMEOUT_MS: number = 5000;

  @EmptyAsUnset()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /**
   * HS256 signing secret. Unset: one is generated once and kept in DATA_DIR (refused with
   * NODE_ENV=production: every instance must sign with the same secret).
   */
  @EmptyAsUnset()
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of an access token: seconds, or a number with s, m, h or d. */
  @EmptyAsUnset()
  @Matches(/^\d+[smhd]?$/, { message: 'JWT_EXPIRES_IN must look like 3600, 60m, 1h or 1d' })
  JWT_EXPIRES_IN: string = '1h';

  @EmptyAsUnset()
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @EmptyAsUnset()
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed by CORS; unset allows none. */
  @EmptyAsUnset()
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Requests per minute per signed-in user (or per address when anonymous); 0 turns the limit off. */
  @ToInteger()
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /**
   * Which proxies in front of the portal are trusted to name the client address (X-Forwarded-For):
   * `true` (any), a number of hops, or comma-separated addresses, CIDR ranges or the names
   * `loopback`, `linklocal`, `uniquelocal`. Unset or `false`: none, the socket's address counts.
   */
  @EmptyAsUnset()
  @IsOptional()
  @Matches(TRUST_PROXY_SYNTAX, {
    message:
      'TRUST_PROXY must be true, false, a number of hops, or comma-separated addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  })
  TRUST_PROXY?: string;

  /** redis://host:6379: the request limit counts there; unset: in PostgreSQL. */
  @EmptyAsUnset()
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Bearer token that GET /metrics asks for; unset: /metrics is open (keep it off the public proxy). */
  @EmptyAsUnset()
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** The portal's public address, for absolute links (the news feed's items). */
  @EmptyAsUnset()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://portal.example.org',
  })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /** Language of the pages when the browser's Accept-Language names none the portal speaks. */
  @EmptyAsUnset()
  @IsIn(['fr', 'en', 'ru', 'kk'], { message: 'DEFAULT_LOCALE must be one of fr, en, ru, kk' })
  DEFAULT_LOCALE: 'fr' | 'en' | 'ru' | 'kk' = 'fr';

  /** Time zone in which pages show dates and times (an IANA name). */
  @EmptyAsUnset()
  @IsTimeZone()
  TIME_ZONE: string = 'Europe/Brussels';
  /** smtp://user:pass@host:587 or smtps://...; unset: no e-mail is sent (the portal's notifications still are). */
  @EmptyAsUnset()
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every e-mail: an address, or `Name <address>`. */
  @EmptyAsUnset()
  @Matches(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address or "Name <address>"',
  })
  MAIL_FROM: string = 'Mobility portal <no-reply@portal.local>';

  /** How often the sender looks for e-mails due (milliseconds); 0: never on its own (tests drive it). */
  @ToInteger()
  @IsInt()
  @Min(0)
  MAIL_POLL_INTERVAL_MS: number = 5000;

  /** First retry delay after a temporary failure; each further one doubles it (with jitter). */
  @ToInteger()
  @IsInt()
  @Min(1)
  MAIL_RETRY_BASE_MS: number = 60_000;

  /** Tries before an e-mail that keeps failing temporarily is given up (`dead`). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_MAX_ATTEMPTS: number = 10;

  /** How often the digests and reminders are scheduled (milliseconds); 0: never on their own. */
  @ToInteger()
  @IsInt()
  @Min(0)
  NOTIFICATION_SCHEDULE_INTERVAL_MS: number = 600_000;
}

export class EnvironmentError extends Error {}

/**
 * Validates raw environment variables; throws an EnvironmentError naming every bad variable.
 * `purpose: 'cli'` (the TypeORM CLI) skips what only the server needs (a production JWT_SECRET).
 */
export function validateEnvironment(
  raw: Record<string, unknown>,
  { purpose = 'server' }: { purpose?: 'server' | 'cli' } = {},
): Environment {
  const known = Object.keys(new Environment()).concat(
    'DATABASE_URL',
    'EMBEDDED_POSTGRES_PORT',
    'JWT_SECRET',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'CORS_ORIGINS',
    'SMTP_URL',
    'TRUST_PROXY',
    'REDIS_URL',
    'METRICS_TOKEN',
  );
  const relevant = Object.fromEntries(Object.entries(raw).filter(([key]) => known.includes(key)));
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const lines = errors.map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    return `  ${error.property}: ${reasons} (got ${JSON.stringify(error.value)})`;
  });
  // A secret generated into one instance's DATA_DIR would sign tokens the other instances reject.
  const secretChecked = errors.some((error) => error.property === 'JWT_SECRET');
  if (purpose === 'server' && raw.NODE_ENV === 'production' && !env.JWT_SECRET && !secretChecked) {
    lines.push(
      '  JWT_SECRET: must be set when NODE_ENV=production (32+ random characters, the same on every instance)',
    );
  }
  if (lines.length > 0) {
    throw new EnvironmentError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return env;
}
