import { createHash } from 'node:crypto';
import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics.service.js';
import { normaliseEmail } from '../users/email-address.js';
import { AuthErrorCode } from './auth-error-codes.js';

export const LOGIN_WINDOW_SECONDS = 60;
/** Password checks allowed per account and client address in a window. */
export const ACCOUNT_ATTEMPTS_ALLOWED = 5;
/** Login attempts allowed per client address in a window, whatever the emails. */
export const ADDRESS_ATTEMPTS_ALLOWED = 20;

/** One counter as the database answered the increment. */
export interface Counted {
  key: string;
  attempts: number;
  /** The window's start exactly as stored (text keeps the microseconds), to refund in the same window. */
  windowStartedAt: string;
  secondsLeft: number;
}

/** An attempt that has been counted: refund it when it ends in a success or was never checked. */
export interface LoginAttempt {
  account: Counted;
  address: Counted;
}

/**
 * Which allowance an attempt goes beyond, if any (the address's first: it is the wider one), with
 * the seconds until that window ends. A pure rule over the counts the database returned.
 */
export function throttleVerdict(
  attempt: LoginAttempt,
): { code: AuthErrorCode; retryAfter: number } | undefined {
  const retryAfter = (counted: Counted) => Math.max(1, Math.ceil(counted.secondsLeft));
  if (attempt.address.attempts > ADDRESS_ATTEMPTS_ALLOWED) {
    return { code: AuthErrorCode.LOGIN_ADDRESS_LIMITED, retryAfter: retryAfter(attempt.address) };
  }
  if (attempt.account.attempts > ACCOUNT_ATTEMPTS_ALLOWED) {
    return { code: AuthErrorCode.LOGIN_ACCOUNT_LIMITED, retryAfter: retryAfter(attempt.account) };
  }
  return undefined;
}

const MESSAGES: Record<string, string> = {
  [AuthErrorCode.LOGIN_ADDRESS_LIMITED]: 'Too many login attempts from this address; try again later',
  [AuthErrorCode.LOGIN_ACCOUNT_LIMITED]: 'Too many failed logins for this account; try again later',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Counts login attempts in PostgreSQL, so every instance of the portal sees the same counts: per
 * account and client address (5 a minute) and per client address whatever the email (20 a minute).
 * Windows are fixed: they start at a counter's first attempt and last a minute of the database's
 * clock (one clock for every instance).
 *
 * An attempt is counted BEFORE its password is checked, by one atomic upsert of both counters, and
 * refused beyond the allowance without any hashing: of 20 simultaneous attempts on one account no
 * more than 5 are ever checked. A successful login takes back only its own count, never the
 * failures before it: an attacker who shares the address of the account's owner, or signs in to
 * an account of their own between guesses, gains nothing by interleaving successes (resetting the
 * counter on success would hand them a fresh allowance each time). An attempt refused before any
 * check (hashing at capacity) is taken back too, since no password was tried.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // Every instance sweeps; a DELETE of rows already gone costs nothing. Through the index on
    // window_started_at, only expired rows are touched.
    this.sweeper = setInterval(() => void this.sweep(), LOGIN_WINDOW_SECONDS * 1000).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Counts the attempt; throws 429 with Retry-After when it goes beyond an allowance. */
  async begin(email: string, address: string): Promise<LoginAttempt> {
    const accountKey = sha256(`account\u0000${address}\u0000${normaliseEmail(email)}`);
    const addressKey = sha256(`address\u0000${address}`);
    // The account's counter first, then the address's, in every statement: concurrent upserts
    // lock rows in one order and cannot deadlock.
    const rows: Array<{ key: string; attempts: number; started: string; seconds_left: string }> =
      await this.dataSource.query(
        `INSERT INTO login_attempts AS counter (key, attempts, window_started_at)
         VALUES ($1, 1, now()), ($2, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           attempts = CASE WHEN counter.window_started_at <= now() - make_interval(secs => $3)
                           THEN 1 ELSE counter.attempts + 1 END,
           window_started_at = CASE WHEN counter.window_started_at <= now() - make_interval(secs => $3)
                                    THEN now() ELSE counter.window_started_at END
         RETURNING key, attempts, window_started_at::text AS started,
           extract(epoch FROM window_started_at + make_interval(secs => $3) - now()) AS seconds_left`,
        [accountKey, addressKey, LOGIN_WINDOW_SECONDS],
      );
    const counted = (key: string): Counted => {
      const row = rows.find((candidate) => candidate.key === key)!;
      return {
        key,
        attempts: row.attempts,
        windowStartedAt: row.started,
        secondsLeft: Number(row.seconds_left),
      };
    };
    const attempt = { account: counted(accountKey), address: counted(addressKey) };
    const verdict = throttleVerdict(attempt);
    if (verdict) {
      const limit = verdict.code === AuthErrorCode.LOGIN_ADDRESS_LIMITED ? 'address' : 'account';
      this.metrics.loginRefusals.inc({ limit });
      throw new HttpException(
        { message: MESSAGES[verdict.code], code: verdict.code, retryAfter: verdict.retryAfter },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return attempt;
  }

  /** Takes back this attempt's own count (in the same windows only; never below zero). */
  async refund(attempt: LoginAttempt): Promise<void> {
    // One row per statement: a statement holding both rows' locks could meet a concurrent upsert
    // holding them in the other order.
    for (const counted of [attempt.account, attempt.address]) {
      await this.dataSource.query(
        `UPDATE login_attempts SET attempts = attempts - 1
          WHERE key = $1 AND window_started_at = $2::timestamptz AND attempts > 0`,
        [counted.key, counted.windowStartedAt],
      );
    }
  }

  private async sweep(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM login_attempts WHERE window_started_at <= now() - make_interval(secs => $1)`,
        [LOGIN_WINDOW_SECONDS],
      );
    } catch (error) {
      this.logger.warn(`Could not sweep expired login counters: ${(error as Error).message}`);
    }
  }
}
