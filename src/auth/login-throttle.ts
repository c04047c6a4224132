import { HttpException, HttpStatus, Injectable, type OnModuleDestroy } from '@nestjs/common';

const WINDOW_MS = 60_000;
const FAILURES_ALLOWED = 5;

interface FailureWindow {
  failures: number;
  /** When the first failure of this window happened. */
  startedAt: number;
}

/**
 * Counts failed logins per email and client address within a minute. The sixth failure, and every
 * attempt after it until the minute has passed, answers 429 with Retry-After.
 *
 * In memory, per process: a portal running several instances multiplies the allowance by their
 * number, which still stops online guessing. (@nestjs/throttler would do this, but it is CommonJS
 * requiring the ESM-only @nestjs/common 12, which Jest cannot load on Node 20.)
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly windows = new Map<string, FailureWindow>();
  private readonly sweeper = setInterval(() => this.sweep(), WINDOW_MS).unref();

  constructor(private readonly now: () => number = Date.now) {}

  assertNotBlocked(email: string, address: string): void {
    const window = this.current(this.key(email, address));
    if (window && window.failures > FAILURES_ALLOWED) throw this.tooMany(window);
  }

  /** Records a failure; throws 429 when it is one too many. */
  recordFailure(email: string, address: string): void {
    const key = this.key(email, address);
    const window = this.current(key) ?? { failures: 0, startedAt: this.now() };
    window.failures += 1;
    this.windows.set(key, window);
    if (window.failures > FAILURES_ALLOWED) throw this.tooMany(window);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private current(key: string): FailureWindow | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    for (const key of this.windows.keys()) this.current(key);
  }

  private key(email: string, address: string): string {
    return `${address}\u0000${email.trim().toLowerCase()}`;
  }

  private tooMany(window: FailureWindow): HttpException {
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - this.now()) / 1000));
    return new HttpException(
      { message: 'Too many failed logins for this account; try again later', retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
