/**
 * The whole edition's boards from scratch, as one pure function of its inputs: the rules of
 * docs/domain.md in reading order. `EditionRanking` keeps the same boards incrementally; this is the
 * reference it must equal, and what a frozen board is computed with (from the sheets as they stood).
 */
import { type CountingSheets, normalizationMethod } from './normalization';
import { type ProjectResult, projectResult, type ScoredSheet, toLeaderboardRow } from './project';
import { byOrder, compareTitles, sheetScore, tieBreakCriterion } from './rules';
import { byNormalized, rankStandings, type Standing } from './standings';
import type { EditionRankingInput, LeaderboardRow, RankEntry } from './types';

/** The key of a conflict: juror and team. */
export const conflictKey = (jurorId: string, teamId: string) => `${jurorId}\u0000${teamId}`;

/** Every board of the edition: `null` for the whole edition, then one per track that has a project. */
export const computeEdition = (input: EditionRankingInput): Map<string | null, LeaderboardRow[]> => {
  // In order, so that sums run the same way and the means come out keyed in criterion order.
  const criteria = byOrder(input.criteria);
  const tieBreak = tieBreakCriterion(criteria);
  const listed = new Map<string, RankEntry>();
  for (const e of input.entries) {
    if (e.disqualified) listed.delete(e.submissionId);
    else listed.set(e.submissionId, e);
  }
  const conflicts = new Set(input.conflicts.map((c) => conflictKey(c.jurorId, c.teamId)));

  // The sheets that count: complete, for a listed project, from a juror not conflicted with its team.
  // A later sheet of the same juror for the same submission replaces an earlier one.
  const latest = new Map<string, ScoredSheet>();
  for (const s of input.sheets) {
    const entry = listed.get(s.submissionId);
    const score = sheetScore(criteria, s.values);
    const key = `${s.jurorId}\u0000${s.submissionId}`;
    latest.delete(key);
    if (!entry || score === null || conflicts.has(conflictKey(s.jurorId, entry.teamId))) continue;
    latest.set(key, { jurorId: s.jurorId, submissionId: s.submissionId, score, values: s.values });
  }
  const byJuror = new Map<string, ScoredSheet[]>();
  const bySubmission = new Map<string, ScoredSheet[]>();
  for (const s of latest.values()) {
    push(byJuror, s.jurorId, s);
    push(bySubmission, s.submissionId, s);
  }
  const counting: CountingSheets = { jurors: () => byJuror.keys(), ofJuror: (id) => byJuror.get(id) ?? [] };

  const method = normalizationMethod(input.normalization);
  method.rebuild(counting);

  const projects = [...listed.values()].map((entry) => ({
    entry,
    result: projectResult(criteria, tieBreak?.id ?? null, bySubmission.get(entry.submissionId) ?? [], method),
  }));
  const boards = new Map<string | null, LeaderboardRow[]>([[null, board(projects)]]);
  const tracks = [...new Set(projects.map((p) => p.entry.trackId))].sort();
  for (const trackId of tracks)
    boards.set(trackId, board(projects.filter((p) => p.entry.trackId === trackId)));
  return boards;
};

interface Project {
  entry: RankEntry;
  result: ProjectResult | null;
}

/** Ranked projects by rules 5 and competition ranking, then the ones without a sheet in title order. */
const board = (projects: Project[]): LeaderboardRow[] => {
  const ranked: (Standing & { project: Project })[] = [];
  const unranked: Project[] = [];
  for (const p of projects) {
    if (p.result === null) unranked.push(p);
    else
      ranked.push({
        project: p,
        submissionId: p.entry.submissionId,
        title: p.entry.title,
        submittedAt: p.entry.submittedAt,
        normalized: p.result.normalized,
        sheets: p.result.sheets,
        tieMean: p.result.tieMean,
      });
  }
  const { order, ranks } = rankStandings(ranked.sort(byNormalized));
  return [
    ...order.map((s, i) => toLeaderboardRow(s.project.entry, s.project.result, ranks[i])),
    ...unranked
      .sort((a, b) => compareTitles(a.entry, b.entry))
      .map((p) => toLeaderboardRow(p.entry, null, null)),
  ];
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
