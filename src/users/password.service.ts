import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AuthErrorCode } from '../auth/auth-error-codes.js';
import { InvalidInputError } from '../common/errors/domain.exception.js';
import { HashingQueue, HashingQueueFullError } from './hashing-queue.js';
import { normalisePassword, passwordProblem } from './password-rules.js';

// OWASP's scrypt parameters: N=2^17, r=8, p=1. They need 128 MiB, above Node's 32 MiB default.
const COST = 2 ** 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;
const MAX_MEMORY = 256 * 1024 * 1024;

// Each derivation holds a libuv thread and a core for a quarter to a whole second at this cost.
// Running at most cores-1 of them at once leaves the rest of the portal (and the thread pool) free
// during a burst of logins. A few more may wait, at most PER_ADDRESS of them from one client
// address; anything beyond is refused at once with Retry-After rather than queued without end.
const MAX_CONCURRENT_DERIVATIONS = Math.max(1, availableParallelism() - 1);
export const HASHING_LIMITS = {
  concurrency: MAX_CONCURRENT_DERIVATIONS,
  maxWaiting: 8 * MAX_CONCURRENT_DERIVATIONS,
  perOwner: 3,
};

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(normalisePassword(password), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

@Injectable()
export class PasswordService {
  private readonly queue = new HashingQueue(HASHING_LIMITS);

  /** A hash to compare against when the account does not exist, so both cases take as long. */
  private readonly decoy = this.hash('decoy password that never matches');

  /**
   * `scrypt$N$r$p$salt$key`, salt and key in base64: the parameters travel with the hash. The
   * password is hashed in NFKC form. `owner` is the client address the work is done for.
   */
  async hash(password: string, owner?: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.derive(owner, password, salt, {
      N: COST,
      r: BLOCK_SIZE,
      p: PARALLELISM,
      maxmem: MAX_MEMORY,
    });
    return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
  }

  /**
   * Whether `password` (normalised like at hashing) matches `stored`. An unknown account (no
   * `stored`) is checked against the decoy: same work, same queue, same time, always false.
   */
  async verify(password: string, stored: string | undefined, owner?: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = (stored ?? (await this.decoy)).split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await this.derive(owner, password, Buffer.from(salt, 'base64'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAX_MEMORY,
    });
    return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** The rules beyond length (checked by the DTOs), on the normalised password: see passwordProblem. */
  assertAcceptable(password: string, email: string, field = 'password'): void {
    const problem = passwordProblem(password, email, field);
    if (problem) throw new InvalidInputError(problem, [field]);
  }

  private async derive(
    owner: string | undefined,
    password: string,
    salt: Buffer,
    options: ScryptOptions,
  ): Promise<Buffer> {
    try {
      return await this.queue.run(owner, () => scryptAsync(password, salt, options));
    } catch (error) {
      if (!(error instanceof HashingQueueFullError)) throw error;
      throw new HttpException(
        {
          message: error.message,
          code: AuthErrorCode.PASSWORD_HASHING_BUSY,
          retryAfter: error.retryAfterSeconds,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
