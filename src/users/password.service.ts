import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain.exception.js';
import { isCommonPassword } from './common-passwords.js';

// OWASP's scrypt parameters: N=2^17, r=8, p=1. They need 128 MiB, above Node's 32 MiB default.
const COST = 2 ** 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;
const MAX_MEMORY = 256 * 1024 * 1024;

// Each derivation holds a libuv thread and a core for about a second at this cost. Running at most
// cores-1 of them at once leaves the rest of the portal (and the thread pool) free during a burst
// of logins; the others wait their turn.
const MAX_CONCURRENT_DERIVATIONS = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: Array<() => void> = [];

async function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_DERIVATIONS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
        error ? reject(error) : resolve(key),
      ),
    );
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

@Injectable()
export class PasswordService {
  /** A hash to compare against when the account does not exist, so both cases take as long. */
  private readonly decoy = this.hash('decoy password that never matches');

  /** `scrypt$N$r$p$salt$key`, salt and key in base64: the parameters travel with the hash. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM, maxmem: MAX_MEMORY });
    return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
  }

  async verify(password: string, stored: string | undefined): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = (stored ?? (await this.decoy)).split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAX_MEMORY,
    });
    return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** The rules beyond length (checked by the DTOs): not the email, not a common password. */
  assertAcceptable(password: string, email: string, field = 'password'): void {
    const lowered = password.toLowerCase();
    if (lowered === email.toLowerCase() || lowered === email.split('@')[0].toLowerCase()) {
      throw new InvalidInputError(`${field} must not be the email address`, [field]);
    }
    if (isCommonPassword(password)) {
      throw new InvalidInputError(`${field} is one of the most common passwords; choose another`, [field]);
    }
  }
}
