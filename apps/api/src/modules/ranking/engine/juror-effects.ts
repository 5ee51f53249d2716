/**
 * The juror-effects model (`normalization: "model"`), fitted on every counting sheet of the edition
 * together. Each sheet score is read as
 *
 *     score(j, p) = μ + b_j + a_j · q_p + noise
 *
 * μ the mean of all counting sheet scores, q_p the project's quality (its normalized value), b_j the
 * juror's offset (lenient > 0, harsh < 0) and a_j the juror's use of the scale (1 = like the others,
 * < 1 = compressed). It is fitted by penalized least squares: the squared residuals plus
 * `OFFSET_PRIOR · b_j²` plus `SCALE_PRIOR · mean(q²) · (a_j − 1)²` per juror, so a juror with few sheets is
 * shrunk towards an average juror (offset 0, scale 1) and a juror with one sheet moves little; the
 * overlap between jurors on shared projects is what separates a lenient juror from good projects.
 *
 * Alternating least squares from b = 0, a = 1: each round solves every q_p given the jurors, then
 * every juror's (b_j, a_j) given the q's (a 2 × 2 ridge system), until no value moves by more than
 * `TOLERANCE` or `MAX_ROUNDS` rounds ran. Everything is summed in juror id, then submission id order,
 * so the fit does not depend on the order the sheets arrived in. A project's normalized value is then
 * its q_p given the fitted jurors, from its own sheets: Σ a_j (score − μ − b_j) / Σ a_j².
 */
import type { CountingSheets, NormalizationMethod } from './normalization';
import type { CountingSheet } from './types';

/** Shrinkage of a juror's offset, in sheets' worth of evidence for "offset 0". */
export const OFFSET_PRIOR = 3;
/**
 * Shrinkage of a juror's scale towards 1, in sheets' worth of evidence: the penalty is
 * `SCALE_PRIOR · mean(q²) · (a_j − 1)²`, so that it weighs like that many sheets whatever the spread.
 */
export const SCALE_PRIOR = 3;
/** A juror's scale is kept within these bounds, so that no juror's sheets are inverted or blown up. */
export const SCALE_BOUNDS = [0.25, 4] as const;
export const MAX_ROUNDS = 200;
export const TOLERANCE = 1e-10;

export interface JurorEffect {
  offset: number;
  scale: number;
  sheets: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The fit itself, exported for the lab and the tests: juror effects and μ from counting sheets. */
export const fitJurorEffects = (
  input: readonly CountingSheet[],
  priors: { offset: number; scale: number } = { offset: OFFSET_PRIOR, scale: SCALE_PRIOR },
): { mean: number; jurors: Map<string, JurorEffect>; quality: Map<string, number> } => {
  const sheets = [...input].sort(
    (x, y) => byId(x.jurorId, y.jurorId) || byId(x.submissionId, y.submissionId),
  );
  const jurors = new Map<string, JurorEffect>();
  const quality = new Map<string, number>();
  if (sheets.length === 0) return { mean: 0, jurors, quality };
  let total = 0;
  for (const s of sheets) total += s.score;
  const mean = total / sheets.length;

  const jurorIds = [...new Set(sheets.map((s) => s.jurorId))];
  const projectIds = [...new Set(sheets.map((s) => s.submissionId))].sort(byId);
  const jIndex = new Map(jurorIds.map((id, i) => [id, i]));
  const pIndex = new Map(projectIds.map((id, i) => [id, i]));
  const sj = Int32Array.from(sheets, (s) => jIndex.get(s.jurorId)!);
  const sp = Int32Array.from(sheets, (s) => pIndex.get(s.submissionId)!);
  const y = Float64Array.from(sheets, (s) => s.score - mean);
  const b = new Float64Array(jurorIds.length);
  const a = new Float64Array(jurorIds.length).fill(1);
  const q = new Float64Array(projectIds.length);
  const num = new Float64Array(projectIds.length);
  const den = new Float64Array(projectIds.length);
  // Per juror sums for the 2 × 2 system: n, Σq, Σq², Σy, Σqy.
  const n = new Float64Array(jurorIds.length);
  const sq = new Float64Array(jurorIds.length);
  const sqq = new Float64Array(jurorIds.length);
  const sy = new Float64Array(jurorIds.length);
  const sqy = new Float64Array(jurorIds.length);
  const [minScale, maxScale] = SCALE_BOUNDS;

  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = 0;
    num.fill(0);
    den.fill(0);
    for (let i = 0; i < sheets.length; i++) {
      const j = sj[i];
      num[sp[i]] += a[j] * (y[i] - b[j]);
      den[sp[i]] += a[j] * a[j];
    }
    for (let p = 0; p < q.length; p++) {
      const next = num[p] / den[p];
      moved = Math.max(moved, Math.abs(next - q[p]));
      q[p] = next;
    }
    let spread = 0;
    for (let p = 0; p < q.length; p++) spread += q[p] * q[p];
    const scalePrior = priors.scale * Math.max(spread / q.length, 1e-6);
    n.fill(0);
    sq.fill(0);
    sqq.fill(0);
    sy.fill(0);
    sqy.fill(0);
    for (let i = 0; i < sheets.length; i++) {
      const j = sj[i];
      const qp = q[sp[i]];
      n[j] += 1;
      sq[j] += qp;
      sqq[j] += qp * qp;
      sy[j] += y[i];
      sqy[j] += qp * y[i];
    }
    for (let j = 0; j < b.length; j++) {
      // Minimize Σ (y − b − a q)² + λb b² + λa (a − 1)², λb = priors.offset, λa = scalePrior:
      // [n + λb, Σq; Σq, Σq² + λa] [b; a] = [Σy; Σqy + λa].
      const m11 = n[j] + priors.offset;
      const m12 = sq[j];
      const m22 = sqq[j] + scalePrior;
      const r1 = sy[j];
      const r2 = sqy[j] + scalePrior;
      const det = m11 * m22 - m12 * m12;
      let nextA = (m11 * r2 - m12 * r1) / det;
      nextA = Math.min(maxScale, Math.max(minScale, nextA));
      const nextB = (r1 - m12 * nextA) / m11;
      moved = Math.max(moved, Math.abs(nextA - a[j]), Math.abs(nextB - b[j]));
      a[j] = nextA;
      b[j] = nextB;
    }
    if (moved <= TOLERANCE) break;
  }
  jurorIds.forEach((id, j) => jurors.set(id, { offset: b[j], scale: a[j], sheets: n[j] }));
  projectIds.forEach((id, p) => quality.set(id, q[p]));
  return { mean, jurors, quality };
};

const AVERAGE_JUROR: JurorEffect = { offset: 0, scale: 1, sheets: 0 };

/** Edition-wide: any juror's change can move every project, so a change answers `'all'`. */
export class JurorEffectsModel implements NormalizationMethod {
  readonly key = 'model' as const;
  private mean = 0;
  private effects = new Map<string, JurorEffect>();

  rebuild(sheets: CountingSheets): void {
    const all: CountingSheet[] = [];
    for (const jurorId of sheets.jurors()) for (const s of sheets.ofJuror(jurorId)) all.push(s);
    const fit = fitJurorEffects(all);
    this.mean = fit.mean;
    this.effects = fit.jurors;
  }

  jurorsChanged(_jurorIds: ReadonlySet<string>, sheets: CountingSheets): 'all' {
    this.rebuild(sheets);
    return 'all';
  }

  normalize(sheets: readonly CountingSheet[]): number {
    let num = 0;
    let den = 0;
    for (const s of sheets) {
      const e = this.effects.get(s.jurorId) ?? AVERAGE_JUROR;
      num += e.scale * (s.score - this.mean - e.offset);
      den += e.scale * e.scale;
    }
    return num / den;
  }

  /** The fitted effect of a juror (for the organizer's explanation), or an average juror. */
  effectOf(jurorId: string): JurorEffect {
    return this.effects.get(jurorId) ?? AVERAGE_JUROR;
  }
}
