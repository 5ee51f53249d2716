import { ConcurrencyGate } from './concurrency-gate';

/** A task that counts how many tasks run at once, by itself, and finishes when told. */
function tasks(n: number) {
  let now = 0;
  let most = 0;
  const finish: (() => void)[] = [];
  const started: number[] = [];
  const make = (i: number) => async () => {
    now += 1;
    most = Math.max(most, now);
    started.push(i);
    await new Promise<void>((resolve) => finish.push(resolve));
    now -= 1;
    return i;
  };
  return { list: Array.from({ length: n }, (_, i) => make(i)), finish, started, most: () => most };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ConcurrencyGate', () => {
  it('runs at most `limit` tasks at once, in arrival order, and every task completes', async () => {
    const gate = new ConcurrencyGate(2);
    const t = tasks(7);
    const results = Promise.all(t.list.map((task) => gate.run(task)));
    await tick();
    expect(t.started).toEqual([0, 1]);
    expect(gate.waiting).toBe(5);
    while (t.finish.length > 0 || gate.waiting > 0) {
      t.finish.shift()?.();
      await tick();
    }
    await expect(results).resolves.toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(t.started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(t.most()).toBe(2);
    expect(gate.peak).toBe(2);
    expect(gate.running).toBe(0);
  });

  it('gives the place back when a task fails', async () => {
    const gate = new ConcurrencyGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(gate.running).toBe(0);
  });

  it('lets waiting tasks start when the limit is raised', async () => {
    const gate = new ConcurrencyGate(1);
    const t = tasks(3);
    const all = Promise.all(t.list.map((task) => gate.run(task)));
    await tick();
    expect(t.started).toEqual([0]);
    gate.setLimit(3);
    await tick();
    expect(t.started).toEqual([0, 1, 2]);
    t.finish.forEach((f) => f());
    await all;
  });
});
