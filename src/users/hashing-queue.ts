/**
 * A small, fair, bounded queue in front of password hashing (scrypt holds a core for a quarter to a
 * whole second). At most `concurrency` derivations run; at most `maxWaiting` wait; one client
 * address holds at most `perOwner` places (running or waiting). Anything beyond is refused at once
 * with an estimate of when to come back, instead of queueing without end. When a place frees, the
 * waiting owner served longest ago goes next (round robin, first come first served within an
 * owner), so a flood from one address never stands in front of another address's login.
 */
export interface HashingQueueLimits {
  concurrency: number;
  maxWaiting: number;
  perOwner: number;
}

export class HashingQueueFullError extends Error {
  constructor(
    /** `owner`: this address already holds its share; `full`: every place is taken. */
    readonly reason: 'owner' | 'full',
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'owner'
        ? 'Too many password checks in progress from this address; try again shortly'
        : 'Password checks are at capacity; try again shortly',
    );
    this.name = 'HashingQueueFullError';
  }
}

/** Owner of work not attributed to a client (start-up, admin tools): not held to `perOwner`. */
const UNATTRIBUTED = '';

export class HashingQueue {
  private running = 0;
  private waitingCount = 0;
  /** Waiting work per owner, in arrival order. */
  private readonly waiting = new Map<string, Array<() => void>>();
  /** Places held per owner, running or waiting. */
  private readonly held = new Map<string, number>();
  /** When each owner was last given a place (a sequence number); forgotten once it holds none. */
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  /** Moving average of how long one task takes, for Retry-After. */
  private averageMs = 500;

  constructor(
    private readonly limits: HashingQueueLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Places taken right now (running and waiting), for tests and diagnostics. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingCount };
  }

  /** Runs `task` when a place is free; throws HashingQueueFullError at once when none can be had. */
  async run<T>(owner: string | undefined, task: () => Promise<T>): Promise<T> {
    const key = owner ?? UNATTRIBUTED;
    const holding = this.held.get(key) ?? 0;
    if (key !== UNATTRIBUTED && holding >= this.limits.perOwner) {
      throw new HashingQueueFullError('owner', this.secondsFor(holding));
    }
    const mustWait = this.running >= this.limits.concurrency;
    if (mustWait && this.waitingCount >= this.limits.maxWaiting) {
      throw new HashingQueueFullError('full', this.secondsFor(this.running + this.waitingCount));
    }
    this.held.set(key, holding + 1);
    try {
      if (mustWait) {
        // The place is handed over by release(), which keeps `running` as it is.
        await new Promise<void>((resolve) => this.enqueue(key, resolve));
      } else {
        this.running += 1;
        this.lastServed.set(key, ++this.served);
      }
      const started = this.now();
      try {
        return await task();
      } finally {
        this.averageMs = 0.8 * this.averageMs + 0.2 * (this.now() - started);
        this.release();
      }
    } finally {
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else {
        this.held.delete(key);
        this.lastServed.delete(key);
      }
    }
  }

  private enqueue(key: string, resolve: () => void): void {
    const queue = this.waiting.get(key);
    if (queue) queue.push(resolve);
    else this.waiting.set(key, [resolve]);
    this.waitingCount += 1;
  }

  /** Gives the freed place to the waiting owner served longest ago (never served: first). */
  private release(): void {
    let next: string | undefined;
    let nextServed = Infinity;
    for (const key of this.waiting.keys()) {
      const served = this.lastServed.get(key) ?? -1;
      if (served < nextServed) {
        next = key;
        nextServed = served;
      }
    }
    if (next === undefined) {
      this.running -= 1;
      return;
    }
    const queue = this.waiting.get(next)!;
    const resolve = queue.shift()!;
    if (queue.length === 0) this.waiting.delete(next);
    this.waitingCount -= 1;
    this.lastServed.set(next, ++this.served);
    resolve();
  }

  private secondsFor(tasksAhead: number): number {
    return Math.max(1, Math.ceil((tasksAhead * this.averageMs) / this.limits.concurrency / 1000));
  }
}
