/**
 * Normalization methods, keyed by the edition's `normalization` setting. A method turns a project's
 * counting sheets into the value that ranks it (rules 2 and 3). It may keep statistics over the whole
 * edition (z-scores keep each juror's mean and sd; a juror-effects model would keep its fitted
 * effects), which it refreshes when a juror's counting sheets change, telling the engine which other
 * projects that moved.
 */
import { JurorEffectsModel } from './juror-effects';
import { jurorStats, type JurorStats, zScore } from './rules';
import type { CountingSheet, Normalization } from './types';

/** Read access to the sheets that count, for a method's statistics. */
export interface CountingSheets {
  /** Every juror with at least one counting sheet. */
  jurors(): Iterable<string>;
  /** That juror's counting sheets, in no particular order. */
  ofJuror(jurorId: string): Iterable<CountingSheet>;
}

export interface NormalizationMethod {
  readonly key: Normalization;
  /** Recomputes every statistic from all counting sheets. */
  rebuild(sheets: CountingSheets): void;
  /**
   * Refreshes the statistics after these jurors' counting sheets changed (a sheet saved, replaced or
   * removed, or one that started or stopped counting) and returns the submissions whose normalized
   * value may have changed beyond those whose own sheets changed, or `'all'`.
   */
  jurorsChanged(jurorIds: ReadonlySet<string>, sheets: CountingSheets): Iterable<string> | 'all';
  /**
   * A project's normalized value from its counting sheets (at least one), which come sorted by juror
   * id: summing in the order given keeps the result independent of the order of the operations.
   */
  normalize(sheets: readonly CountingSheet[]): number;
}

/** Rule 2: the mean of the sheet scores, which is also the displayed score. */
class RawMean implements NormalizationMethod {
  readonly key = 'none' as const;
  rebuild(): void {}
  jurorsChanged(): Iterable<string> {
    return [];
  }
  normalize(sheets: readonly CountingSheet[]): number {
    let sum = 0;
    for (const s of sheets) sum += s.score;
    return sum / sheets.length;
  }
}

const NO_STATS: JurorStats = { count: 0, mean: 0, sd: 0 };

/** Rule 3: each sheet score as a z-score against its juror's counting sheets; the mean of those. */
class JurorZScore implements NormalizationMethod {
  readonly key = 'zscore' as const;
  private readonly stats = new Map<string, JurorStats>();

  rebuild(sheets: CountingSheets): void {
    this.stats.clear();
    for (const jurorId of sheets.jurors()) this.refresh(jurorId, sheets);
  }

  jurorsChanged(jurorIds: ReadonlySet<string>, sheets: CountingSheets): Iterable<string> {
    const moved: string[] = [];
    for (const jurorId of jurorIds) {
      const before = this.stats.get(jurorId);
      const after = this.refresh(jurorId, sheets);
      const unchanged =
        before !== undefined &&
        after !== undefined &&
        before.count === after.count &&
        before.mean === after.mean &&
        before.sd === after.sd;
      if (unchanged) continue;
      for (const s of sheets.ofJuror(jurorId)) moved.push(s.submissionId);
    }
    return moved;
  }

  normalize(sheets: readonly CountingSheet[]): number {
    let sum = 0;
    for (const s of sheets) sum += zScore(s.score, this.stats.get(s.jurorId) ?? NO_STATS);
    return sum / sheets.length;
  }

  private refresh(jurorId: string, sheets: CountingSheets): JurorStats | undefined {
    const scores: number[] = [];
    for (const s of sheets.ofJuror(jurorId)) scores.push(s.score);
    if (scores.length === 0) {
      this.stats.delete(jurorId);
      return undefined;
    }
    const stats = jurorStats(Float64Array.from(scores));
    this.stats.set(jurorId, stats);
    return stats;
  }
}

/** One factory per `normalization` value; a new value fails the type check until it has a method. */
export const NORMALIZATION_METHODS: Record<Normalization, () => NormalizationMethod> = {
  none: () => new RawMean(),
  zscore: () => new JurorZScore(),
  model: () => new JurorEffectsModel(),
};

export const normalizationMethod = (key: Normalization): NormalizationMethod => {
  const create = NORMALIZATION_METHODS[key];
  if (!create) throw new Error(`ranking: no normalization method "${String(key)}"`);
  return create();
};
