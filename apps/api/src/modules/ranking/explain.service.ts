import { Injectable } from '@nestjs/common';
import type {
  ExplainedJuror,
  ExplainedProject,
  ExplainedSheet,
  Language,
  LeaderboardExplanation,
} from '@ca/shared';
import { notFound } from '../../common/errors/domain-error';
import { EditionsService } from '../editions/editions.service';
import { JudgingReadService } from '../judging/judging-read.service';
import type { EditionState } from './edition-state';
import { jurorStats, sheetScore, tieBreakCriterion, zScore, type JurorStats } from './engine';
import { rankReasons } from './rank-reasons';
import { rankSentence } from './rank-sentences';
import { RankingService } from './ranking.service';
import { RankingStore } from './ranking-store';

interface ScoredSheet {
  jurorId: string;
  submissionId: string;
  values: Record<string, number>;
  score: number;
  counts: boolean;
}

/**
 * Organizers' explanation of a live board: per project each criterion's mean, each juror's sheet
 * score and z-score, the spread of its sheet scores, and why it holds its rank (data and a
 * sentence in English and Romanian). Computed from the same state the board is served from.
 */
@Injectable()
export class ExplainService {
  constructor(
    private readonly store: RankingStore,
    private readonly ranking: RankingService,
    private readonly editions: EditionsService,
    private readonly judging: JudgingReadService,
  ) {}

  async explain(
    editionId: string,
    trackId: string | null,
    submissionId: string | null = null,
    /** The language of the criteria's names (the request's). */
    lang: Language = 'en',
  ): Promise<LeaderboardExplanation> {
    const state = await this.store.current(editionId);
    await this.ranking.assertTrack(state, trackId);
    const rows = state.ranking.board(trackId);
    if (submissionId && !rows.some((r) => r.submissionId === submissionId))
      throw notFound('Project on this board');
    const [edition, names] = await Promise.all([
      this.editions.get(editionId, { includeDrafts: true, lang }),
      this.judging.jurorNames(editionId),
    ]);
    const tieBreak = tieBreakCriterion(state.criteria);
    const sheets = scoredSheets(state);
    const stats = new Map<string, JurorStats>();
    for (const [jurorId, scores] of countingScoresByJuror(sheets))
      stats.set(jurorId, jurorStats(Float64Array.from(scores)));
    const reasons = rankReasons(rows, tieBreak?.id ?? null, (id) => state.entries.get(id)?.submittedAt ?? 0);
    const tieName = tieBreak ? (edition.criteria.find((c) => c.id === tieBreak.id)?.name ?? null) : null;
    const name = (jurorId: string) => names.get(jurorId) ?? '';

    const projects: ExplainedProject[] = rows
      .filter((r) => submissionId === null || r.submissionId === submissionId)
      .map((row) => {
        const own = sheets.filter((s) => s.submissionId === row.submissionId);
        const counting = own.filter((s) => s.counts).map((s) => s.score);
        const jurorSheets: ExplainedSheet[] = own
          .map((s) => ({
            jurorId: s.jurorId,
            jurorName: name(s.jurorId),
            score: s.score,
            zScore: s.counts ? zScore(s.score, stats.get(s.jurorId)!) : null,
            counts: s.counts,
            values: s.values,
          }))
          .sort((a, b) => a.jurorName.localeCompare(b.jurorName) || (a.jurorId < b.jurorId ? -1 : 1));
        const spread = counting.length ? jurorStats(Float64Array.from(counting)) : null;
        const reason = reasons.get(row.submissionId)!;
        return {
          submissionId: row.submissionId,
          teamId: row.teamId,
          teamName: row.teamName,
          trackId: row.trackId,
          title: row.title,
          rank: row.rank,
          score: row.score,
          normalized: row.normalized,
          sheets: row.sheets,
          criteria: row.criteria,
          spread: spread ? { min: Math.min(...counting), max: Math.max(...counting), sd: spread.sd } : null,
          jurorSheets,
          reason,
          sentence: rankSentence(reason, {
            normalization: state.settings.normalization,
            tieCriterion: tieName,
          }),
        };
      });
    const jurors: ExplainedJuror[] = [...stats]
      .map(([jurorId, s]) => ({ jurorId, jurorName: name(jurorId), sheets: s.count, mean: s.mean, sd: s.sd }))
      .sort((a, b) => a.jurorName.localeCompare(b.jurorName) || (a.jurorId < b.jurorId ? -1 : 1));
    return {
      editionId,
      trackId,
      version: state.version(trackId),
      normalization: state.settings.normalization,
      tieBreakCriterionId: tieBreak?.id ?? null,
      criteria: edition.criteria.map((c) => ({
        id: c.id,
        name: c.name,
        weight: c.weight,
        min: c.min,
        max: c.max,
      })),
      jurors,
      projects,
    };
  }
}

/**
 * Every complete sheet of a listed project with its rule-1 score and whether it counts (its juror
 * is not conflicted with the team): the same sheets the engine counts.
 */
function scoredSheets(state: EditionState): ScoredSheet[] {
  const out: ScoredSheet[] = [];
  for (const s of state.sheets.values()) {
    const entry = state.entries.get(s.submissionId);
    if (!entry || entry.disqualified) continue;
    const score = sheetScore(state.criteria, s.values);
    if (score === null) continue;
    out.push({
      jurorId: s.jurorId,
      submissionId: s.submissionId,
      values: { ...s.values },
      score,
      counts: !state.isConflicted(s.jurorId, entry.teamId),
    });
  }
  return out;
}

function countingScoresByJuror(sheets: ScoredSheet[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of sheets) {
    if (!s.counts) continue;
    const list = out.get(s.jurorId) ?? [];
    list.push(s.score);
    out.set(s.jurorId, list);
  }
  return out;
}
