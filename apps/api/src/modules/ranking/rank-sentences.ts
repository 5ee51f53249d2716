/**
 * A rank's reason as one sentence in English and in Romanian, built from the structured reason
 * (rank-reasons.ts), so that the console can show it as it is. Numbers are rounded to 2 decimals
 * here only (the data keeps full precision); Romanian uses the decimal comma.
 */
import type { Normalization, RankPeer, RankReason } from '@ca/shared';

export interface SentenceContext {
  normalization: Normalization;
  /** The tie-break criterion's name (rule 5: largest weight, first by order). */
  tieCriterion: string | null;
}

/** At most this many peers are named; the rest are counted. */
const MAX_PEERS = 3;

const fixed = (n: number) => (Object.is(Math.round(n * 100) / 100, -0) ? 0 : n).toFixed(2);
const num = {
  en: (n: number) => fixed(n),
  ro: (n: number) => fixed(n).replace('.', ','),
};

const ordinalEn = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
};

/** Romanian counts: "1 fișă", "3 fișe", "20 de fișe" (from 20 on, and at 100, 200…, with "de"). */
const countRo = (n: number, one: string, many: string) => {
  if (n === 1) return `1 ${one}`;
  const rest = n % 100;
  return n !== 0 && (rest === 0 || rest >= 20) ? `${n} de ${many}` : `${n} ${many}`;
};
const sheetsEn = (n: number) => `${n} ${n === 1 ? 'sheet' : 'sheets'}`;
const sheetsRo = (n: number) => countRo(n, 'fișă', 'fișe');

const quoteEn = (s: string) => `“${s}”`;
const quoteRo = (s: string) => `„${s}”`;

function peerEn(p: RankPeer, self: RankReason, crit: string): string {
  const other = quoteEn(p.title);
  const ahead = p.relation === 'ahead';
  switch (p.decidedBy) {
    case 'sheets':
      return ahead
        ? `ahead of ${other} on more sheets (${self.sheets} against ${p.sheets})`
        : `behind ${other}, which has more sheets (${p.sheets} against ${self.sheets})`;
    case 'tieCriterion':
      return ahead
        ? `ahead of ${other} on a higher mean for ${crit} (${num.en(self.tieMean ?? 0)} against ${num.en(p.tieMean)})`
        : `behind ${other}, which has a higher mean for ${crit} (${num.en(p.tieMean)} against ${num.en(self.tieMean ?? 0)})`;
    case 'submittedAt':
      return ahead ? `ahead of ${other}, submitted earlier` : `behind ${other}, which was submitted earlier`;
    case 'tied':
      return `sharing the place with ${other}, equal on every rule`;
  }
}

function peerRo(p: RankPeer, self: RankReason, crit: string): string {
  const other = quoteRo(p.title);
  const ahead = p.relation === 'ahead';
  switch (p.decidedBy) {
    case 'sheets':
      return ahead
        ? `înaintea proiectului ${other} datorită mai multor fișe (${self.sheets} față de ${p.sheets})`
        : `după proiectul ${other}, care are mai multe fișe (${p.sheets} față de ${self.sheets})`;
    case 'tieCriterion':
      return ahead
        ? `înaintea proiectului ${other} datorită unei medii mai mari la ${crit} (${num.ro(self.tieMean ?? 0)} față de ${num.ro(p.tieMean)})`
        : `după proiectul ${other}, care are o medie mai mare la ${crit} (${num.ro(p.tieMean)} față de ${num.ro(self.tieMean ?? 0)})`;
    case 'submittedAt':
      return ahead
        ? `înaintea proiectului ${other}, fiind trimis mai devreme`
        : `după proiectul ${other}, care a fost trimis mai devreme`;
    case 'tied':
      return `împarte locul cu proiectul ${other}, fiind egal la toate regulile`;
  }
}

/**
 * The value a board is ranked by, named after the edition's method: the raw mean for `none`; the
 * mean of z-scores for `zscore`; the juror-effects model's estimate of the project's quality for
 * `model` (points from the edition's mean sheet score once each juror's leniency and use of the
 * scale are taken out: not a mean of the sheets). With a normalization the raw mean follows in
 * brackets, as the board displays it (rule 3).
 */
function rankingValue(
  normalization: Normalization,
  normalized: number,
  score: number,
): { en: string; ro: string } {
  switch (normalization) {
    case 'none':
      return { en: `mean score ${num.en(score)}`, ro: `scor mediu ${num.ro(score)}` };
    case 'zscore':
      return {
        en: `normalized value ${num.en(normalized)} (mean score ${num.en(score)})`,
        ro: `valoare normalizată ${num.ro(normalized)} (scor mediu ${num.ro(score)})`,
      };
    case 'model':
      return {
        en: `model-adjusted score ${num.en(normalized)} (raw mean score ${num.en(score)})`,
        ro: `scor ajustat de model ${num.ro(normalized)} (scor mediu brut ${num.ro(score)})`,
      };
  }
}

export function rankSentence(reason: RankReason, ctx: SentenceContext): { en: string; ro: string } {
  if (reason.rank === null || reason.normalized === null) {
    return {
      en: 'Unranked: no sheet counts for this project yet.',
      ro: 'Neclasat: nicio fișă nu contează încă pentru acest proiect.',
    };
  }
  const score = reason.score ?? reason.normalized;
  const { en: valueEn, ro: valueRo } = rankingValue(ctx.normalization, reason.normalized, score);
  let en = `${ordinalEn(reason.rank)} place: ${valueEn} from ${sheetsEn(reason.sheets)}`;
  let ro = `Locul ${reason.rank}: ${valueRo} din ${sheetsRo(reason.sheets)}`;
  const peers = reason.tiedWith;
  if (peers.length === 0) return { en: `${en}.`, ro: `${ro}.` };

  const critEn = quoteEn(ctx.tieCriterion ?? 'the criterion with the largest weight');
  const critRo = quoteRo(ctx.tieCriterion ?? 'criteriul cu ponderea cea mai mare');
  const named = peers.slice(0, MAX_PEERS);
  const more = peers.length - named.length;
  en += `; level on that with ${peers.length === 1 ? 'one project' : `${peers.length} projects`}: `;
  en += named.map((p) => peerEn(p, reason, critEn)).join('; ');
  ro += `; la egalitate la această valoare cu ${peers.length === 1 ? 'un proiect' : countRo(peers.length, 'proiect', 'proiecte')}: `;
  ro += named.map((p) => peerRo(p, reason, critRo)).join('; ');
  if (more > 0) {
    en += `; and ${more} more`;
    ro += `; și încă ${more}`;
  }
  return { en: `${en}.`, ro: `${ro}.` };
}
