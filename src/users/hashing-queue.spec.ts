import { HashingQueue, HashingQueueFullError } from './hashing-queue.js';

/** A task the test finishes when it wants, recording when it started. */
function controlled(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HashingQueue', () => {
  it('runs at most `concurrency` tasks and starts the next when one ends', async () => {
    const queue = new HashingQueue({ concurrency: 2, maxWaiting: 10, perOwner: 10 });
    const log: string[] = [];
    const tasks = ['a', 'b', 'c'].map((name) => controlled(log, name));
    const results = tasks.map((entry, index) => queue.run(`owner${index}`, entry.task));
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    tasks[0].finish();
    await tick();
    expect(log).toEqual(['a', 'b', 'c']);
    tasks[1].finish();
    tasks[2].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once, with a Retry-After estimate, when every waiting place is taken', async () => {
    const queue = new HashingQueue({ concurrency: 1, maxWaiting: 2, perOwner: 10 });
    const log: string[] = [];
    const tasks = ['a', 'b', 'c'].map((name) => controlled(log, name));
    const accepted = tasks.map((entry, index) => queue.run(`owner${index}`, entry.task));
    const refused = queue.run('owner9', async () => 'never');
    await expect(refused).rejects.toBeInstanceOf(HashingQueueFullError);
    await expect(refused).rejects.toMatchObject({ reason: 'full', retryAfterSeconds: expect.any(Number) });
    for (const entry of tasks) entry.finish();
    await Promise.all(accepted);
    expect(log).not.toContain('never');
  });

  it('holds one owner to its share, and not work without an owner', async () => {
    const queue = new HashingQueue({ concurrency: 1, maxWaiting: 10, perOwner: 2 });
    const log: string[] = [];
    const tasks = ['a', 'b'].map((name) => controlled(log, name));
    const accepted = tasks.map((entry) => queue.run('203.0.113.7', entry.task));
    await expect(queue.run('203.0.113.7', async () => 'third')).rejects.toMatchObject({ reason: 'owner' });
    const internal = [controlled(log, 'i1'), controlled(log, 'i2'), controlled(log, 'i3')];
    const internalRuns = internal.map((entry) => queue.run(undefined, entry.task));
    for (const entry of [...tasks, ...internal]) entry.finish();
    expect(await Promise.all([...accepted, ...internalRuns])).toEqual(['a', 'b', 'i1', 'i2', 'i3']);
    // Once its work is done, the owner has its whole share again.
    expect(await queue.run('203.0.113.7', async () => 'again')).toBe('again');
  });

  it('serves another owner before the flooding one when a place frees (round robin)', async () => {
    const queue = new HashingQueue({ concurrency: 1, maxWaiting: 10, perOwner: 3 });
    const log: string[] = [];
    const flood = ['f1', 'f2', 'f3'].map((name) => controlled(log, name));
    const floodRuns = flood.map((entry) => queue.run('flooder', entry.task));
    await tick();
    const real = controlled(log, 'real');
    const realRun = queue.run('someone-else', real.task);
    await tick();
    expect(log).toEqual(['f1']);
    flood[0].finish();
    await tick();
    // f2 and f3 were waiting before, but the flooder was served last: the other address goes first.
    expect(log).toEqual(['f1', 'real']);
    real.finish();
    await tick();
    expect(log).toEqual(['f1', 'real', 'f2']);
    flood[1].finish();
    flood[2].finish();
    await Promise.all([...floodRuns, realRun]);
    expect(log).toEqual(['f1', 'real', 'f2', 'f3']);
  });

  it('frees the place of a task that fails', async () => {
    const queue = new HashingQueue({ concurrency: 1, maxWaiting: 0, perOwner: 1 });
    await expect(
      queue.run('x', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await queue.run('x', async () => 'ok')).toBe('ok');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});
