import { Coalescer } from './coalesce';

/** A load per call, resolved by hand, recording when each began. */
function loads() {
  const started: { key: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const c = new Coalescer<string, string>(
    (key) =>
      new Promise<string>((resolve, reject) => {
        started.push({ key, resolve, reject });
      }),
  );
  return { c, started };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('starts a read at once, and queues one read for everyone who arrives while it runs', async () => {
    const { c, started } = loads();
    const first = c.get('a');
    expect(started).toHaveLength(1);
    const later = [c.get('a'), c.get('a'), c.get('a')];
    expect(started).toHaveLength(1); // they wait: the running read may predate them
    started[0]!.resolve('v1');
    expect(await first).toBe('v1');
    await tick();
    expect(started).toHaveLength(2); // one read for all three
    started[1]!.resolve('v2');
    expect(await Promise.all(later)).toEqual(['v2', 'v2', 'v2']);
    await tick();
    expect(c.size).toBe(0);
  });

  it('keeps keys apart, and a failed read fails only its own callers', async () => {
    const { c, started } = loads();
    const a = c.get('a');
    const b = c.get('b');
    expect(started.map((s) => s.key)).toEqual(['a', 'b']);
    const a2 = c.get('a');
    started[0]!.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await tick();
    started[2]!.resolve('fresh');
    started[1]!.resolve('b');
    expect(await a2).toBe('fresh');
    expect(await b).toBe('b');
  });
});
