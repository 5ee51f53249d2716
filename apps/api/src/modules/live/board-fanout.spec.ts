import { rooms, type Leaderboard, type LeaderboardRow, type LiveLeaderboardUpdate } from '@ca/shared';
import { BoardFanout, type FanoutSink } from './board-fanout';
import type { BoardChange, LiveRankingSource, PublicMode } from './ranking-source';

const ED = '11111111-1111-4111-8111-111111111111';
const TRACK = '22222222-2222-4222-8222-222222222222';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(n: number, score: number, rank: number): LeaderboardRow {
  return {
    rank,
    submissionId: id(n),
    teamId: id(100 + n),
    teamName: `Team ${n}`,
    trackId: TRACK,
    title: `Project ${n}`,
    score,
    normalized: score,
    sheets: 1,
    criteria: {},
  };
}

/** A ranking that the test drives: it notifies changes and mode changes, and answers boards. */
class FakeRanking implements LiveRankingSource {
  mode: PublicMode = 'live';
  boardCalls: { isOrganizer: boolean }[] = [];
  private changeListeners: ((c: BoardChange[]) => void)[] = [];
  private modeListeners: ((e: string, m: PublicMode) => void)[] = [];
  onChange(l: (c: BoardChange[]) => void) {
    this.changeListeners.push(l);
    return () => (this.changeListeners = this.changeListeners.filter((x) => x !== l));
  }
  onPublicModeChange(l: (e: string, m: PublicMode) => void) {
    this.modeListeners.push(l);
    return () => (this.modeListeners = this.modeListeners.filter((x) => x !== l));
  }
  async leaderboard(
    editionId: string,
    trackId: string | null,
    viewer: { isOrganizer: boolean },
  ): Promise<Leaderboard> {
    this.boardCalls.push(viewer);
    return {
      editionId,
      trackId,
      version: 99,
      frozen: this.mode === 'frozen',
      frozenAt: null,
      publicMode: this.mode,
      rows: [],
    };
  }
  async publicMode() {
    return this.mode;
  }
  change(c: Partial<BoardChange> & { version: number }) {
    const full: BoardChange = { editionId: ED, trackId: TRACK, rows: [], removed: [], ...c };
    this.changeListeners.forEach((l) => l([full]));
  }
  setMode(m: PublicMode) {
    this.mode = m;
    this.modeListeners.forEach((l) => l(ED, m));
  }
}

class FakeSink implements FanoutSink {
  sent: { rooms: string[]; kind: 'update' | 'snapshot'; payload: LiveLeaderboardUpdate | Leaderboard }[] = [];
  sizes = new Map<string, number>();
  update(r: string[], payload: LiveLeaderboardUpdate) {
    this.sent.push({ rooms: r, kind: 'update', payload });
  }
  snapshot(r: string[], payload: Leaderboard) {
    this.sent.push({ rooms: r, kind: 'snapshot', payload });
  }
  size(room: string) {
    return this.sizes.get(room) ?? 0;
  }
  to(room: string) {
    return this.sent.filter((s) => s.rooms.includes(room));
  }
}

const ORG = rooms.leaderboardOrganizers(ED, TRACK);
const PUB = rooms.leaderboard(ED, TRACK);

describe('BoardFanout', () => {
  let ranking: FakeRanking;
  let sink: FakeSink;
  let fanout: BoardFanout;
  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    ranking = new FakeRanking();
    sink = new FakeSink();
    sink.sizes.set(ORG, 1);
    sink.sizes.set(PUB, 3);
    fanout = new BoardFanout(ranking, sink, { coalesceMs: 5, minIntervalMs: 50 });
    fanout.publicRoomsOf = () => [TRACK];
    fanout.start();
    await fanout.watchEdition(ED);
  });
  afterEach(() => {
    fanout.stop();
    jest.useRealTimers();
  });
  const flushMicrotasks = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('coalesces a burst into one update per board: latest rows, removed ids, first and last version', async () => {
    ranking.change({ version: 1, rows: [row(1, 50, 1), row(2, 40, 2)] });
    ranking.change({ version: 2, rows: [row(2, 60, 1), row(1, 50, 2)] });
    ranking.change({ version: 3, rows: [row(3, 10, 3)] });
    ranking.change({ version: 4, removed: [id(3)] });
    ranking.change({ version: 5, rows: [row(4, 5, 3)] });
    expect(sink.sent).toHaveLength(0);
    jest.advanceTimersByTime(5);
    await flushMicrotasks();
    const org = sink.to(ORG);
    expect(org).toHaveLength(1);
    const u = org[0]!.payload as LiveLeaderboardUpdate;
    expect(u).toMatchObject({ editionId: ED, trackId: TRACK, fromVersion: 1, version: 5, removed: [id(3)] });
    expect(u.rows.map((r) => [r.submissionId, r.score, r.rank])).toEqual([
      [id(1), 50, 2],
      [id(2), 60, 1],
      [id(4), 5, 3],
    ]);
    // The public room got the same update (mode live), in its own broadcast after the mode check.
    expect(sink.to(PUB).map((s) => s.payload)).toEqual([u]);
  });

  it('sends a board at most once every minIntervalMs while changes keep coming, and loses no version', async () => {
    let v = 0;
    for (let t = 0; t < 500; t++) {
      ranking.change({ version: ++v, rows: [row(1, t, 1)] });
      jest.advanceTimersByTime(1);
    }
    jest.advanceTimersByTime(100);
    await flushMicrotasks();
    const updates = sink.to(ORG).map((s) => s.payload as LiveLeaderboardUpdate);
    expect(updates.length).toBeLessThanOrEqual(11); // 500 ms / 50 ms, plus the first
    expect(updates.length).toBeGreaterThanOrEqual(9);
    expect(updates[0]!.fromVersion).toBe(1);
    for (let i = 1; i < updates.length; i++)
      expect(updates[i]!.fromVersion).toBe(updates[i - 1]!.version + 1);
    expect(updates.at(-1)!.version).toBe(500);
  });

  it('sends the public room nothing while frozen or hidden, a public snapshot on each mode change', async () => {
    ranking.setMode('frozen');
    await flushMicrotasks();
    expect(sink.to(PUB)).toEqual([
      { rooms: [PUB], kind: 'snapshot', payload: expect.objectContaining({ frozen: true }) },
    ]);
    expect(ranking.boardCalls).toEqual([{ isOrganizer: false }]);
    ranking.change({ version: 1, rows: [row(1, 77, 1)] });
    jest.advanceTimersByTime(10);
    await flushMicrotasks();
    expect(sink.to(ORG)).toHaveLength(1);
    expect(sink.to(PUB)).toHaveLength(1); // still only the snapshot
    ranking.setMode('hidden');
    ranking.change({ version: 2, rows: [row(1, 78, 1)] });
    jest.advanceTimersByTime(60);
    await flushMicrotasks();
    expect(sink.to(PUB).filter((s) => s.kind === 'update')).toHaveLength(0);
    ranking.setMode('live'); // unfreeze: a snapshot of the live board, then updates again
    await flushMicrotasks();
    ranking.change({ version: 3, rows: [row(1, 79, 1)] });
    jest.advanceTimersByTime(60);
    await flushMicrotasks();
    expect(sink.to(PUB).map((s) => s.kind)).toEqual(['snapshot', 'snapshot', 'snapshot', 'update']);
  });

  it('never sends a public update when the ranking says the board froze before the mode event arrived', async () => {
    ranking.mode = 'frozen'; // the freeze time passed; its notification is not here yet
    ranking.change({ version: 1, rows: [row(1, 88, 1)] });
    jest.advanceTimersByTime(10);
    await flushMicrotasks();
    expect(sink.to(ORG)).toHaveLength(1);
    expect(sink.to(PUB)).toHaveLength(0);
  });

  it('once results are published, the public gets the live updates again (after a snapshot)', async () => {
    ranking.setMode('published');
    await flushMicrotasks();
    ranking.change({ version: 1, rows: [row(1, 88, 1)] });
    jest.advanceTimersByTime(10);
    await flushMicrotasks();
    expect(sink.to(PUB).map((s) => s.kind)).toEqual(['snapshot', 'update']);
  });

  it('re-sends the public snapshot when the ranking says the public view changed within a mode', async () => {
    ranking.setMode('hidden');
    ranking.setMode('hidden'); // a second notice while the first snapshot waits: one snapshot
    await flushMicrotasks();
    expect(sink.to(PUB).map((s) => s.kind)).toEqual(['snapshot']);
    ranking.setMode('hidden'); // later, e.g. a project joined the hidden board: sent again
    await flushMicrotasks();
    expect(sink.to(PUB).map((s) => s.kind)).toEqual(['snapshot', 'snapshot']);
  });

  it('skips the public room when this instance has no public subscriber for the board', async () => {
    sink.sizes.set(PUB, 0);
    ranking.change({ version: 1, rows: [row(1, 88, 1)] });
    jest.advanceTimersByTime(10);
    await flushMicrotasks();
    expect(sink.sent.map((s) => s.rooms)).toEqual([[ORG]]);
  });
});
