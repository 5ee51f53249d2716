import { Injectable } from '@nestjs/common';
import type { Leaderboard, LeaderboardRow, PublicMode } from '@ca/shared';
import { notFound } from '../../common/errors/domain-error';
import { EditionsService } from '../editions/editions.service';
import type { BoardChange, EditionState } from './edition-state';
import { compareTitles } from './engine';
import { FrozenBoards, frozenVersion } from './frozen-boards';
import { freezeMoment } from './public-mode';
import { RankingStore } from './ranking-store';

export type { BoardChange } from './edition-state';

/** Who looks at a board: organizers always see it live (rule 7). */
export interface Viewer {
  isOrganizer: boolean;
}

/** A project's final standing, for the gallery and the team's own result. */
export interface Standing {
  submissionId: string;
  rank: number | null;
  overallRank: number | null;
  score: number | null;
  normalized: number | null;
}

/** A row as a viewer who may not see scores gets it (rule 7): no rank, score or breakdown. */
const withoutScores = (r: LeaderboardRow): LeaderboardRow => ({
  ...r,
  rank: null,
  score: null,
  normalized: null,
  sheets: 0,
  criteria: null,
});

/**
 * The ranking as other modules and the live gateway use it. Boards are served from memory
 * (RankingStore), each with its version from the database; who sees what follows rule 7.
 *
 * Events fire on every instance, for that instance's own listeners, after each change it applies
 * (every instance applies every change): send them to local sockets only.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly store: RankingStore,
    private readonly frozen: FrozenBoards,
    private readonly editions: EditionsService,
  ) {}

  /**
   * After every applied change, in sequence order, per edition: one change per board the change
   * versioned (whole edition first), with the rows that changed as organizers see them. An empty
   * `rows`/`removed` still carries the board's next version.
   */
  onChange(listener: (changes: BoardChange[]) => void): () => void {
    return this.store.subscribe({ boards: listener, publicView: () => undefined, applied: () => undefined });
  }

  /**
   * What non-organizers see changed otherwise than by the diffs of `onChange`: a freeze took
   * effect, a freeze was lifted, results were published, the visibility changed, or (hidden or
   * frozen) their rows changed. Re-send their boards (`leaderboard(…, { isOrganizer: false })`).
   */
  onPublicModeChange(listener: (editionId: string, mode: PublicMode) => void): () => void {
    return this.store.subscribe({ boards: () => undefined, publicView: listener, applied: () => undefined });
  }

  /** What non-organizers see of the edition now. */
  async publicMode(editionId: string): Promise<PublicMode> {
    return this.store.mode(await this.store.current(editionId));
  }

  /**
   * A board (`trackId` null: the whole edition) as `viewer` may see it: organizers and, while the
   * board is public and live or once results are published, everyone see it live; while hidden,
   * non-organizers get the rows without rank, score or breakdown in title order; while frozen, the
   * board as it stood at the freeze (`frozen: true`). 404 for a draft edition (non-organizers) or a
   * track of another edition.
   */
  async leaderboard(editionId: string, trackId: string | null, viewer: Viewer): Promise<Leaderboard> {
    const state = await this.store.current(editionId);
    if (!state.settings.published && !viewer.isOrganizer) throw notFound('Edition');
    await this.assertTrack(state, trackId);
    const publicMode = this.store.mode(state);
    const base = { editionId, trackId, publicMode };
    if (viewer.isOrganizer || publicMode === 'live' || publicMode === 'published') {
      return {
        ...base,
        version: state.version(trackId),
        frozen: false,
        frozenAt: null,
        rows: state.ranking.board(trackId),
      };
    }
    if (publicMode === 'hidden') {
      const rows = state.ranking.board(trackId).map(withoutScores).sort(compareTitles);
      return { ...base, version: state.version(trackId), frozen: false, frozenAt: null, rows };
    }
    const view = await this.frozen.view(state);
    return {
      ...base,
      version: frozenVersion(view, trackId),
      frozen: true,
      frozenAt: new Date(freezeMoment(state.settings)!).toISOString(),
      rows: [...(view.boards.get(trackId) ?? [])],
    };
  }

  /**
   * Every project's final standing once the results are published (the boards as organizers see
   * them); an empty map before. The gallery calls this.
   */
  async publishedStandings(editionId: string): Promise<Map<string, Standing>> {
    const state = await this.store.current(editionId);
    if (this.store.mode(state) !== 'published') return new Map();
    return standings(state);
  }

  async assertTrack(state: EditionState, trackId: string | null): Promise<void> {
    if (trackId === null || state.ranking.trackIds().includes(trackId)) return;
    if (!(await this.editions.hasTrack(state.editionId, trackId))) throw notFound('Track');
  }
}

/** Each listed project's rank on its track's board and on the whole edition's. */
export function standings(state: EditionState): Map<string, Standing> {
  const out = new Map<string, Standing>();
  for (const row of state.ranking.board(null))
    out.set(row.submissionId, {
      submissionId: row.submissionId,
      rank: null,
      overallRank: row.rank,
      score: row.score,
      normalized: row.normalized,
    });
  for (const trackId of state.ranking.trackIds())
    for (const row of state.ranking.board(trackId)) {
      const s = out.get(row.submissionId);
      if (s) s.rank = row.rank;
    }
  return out;
}
