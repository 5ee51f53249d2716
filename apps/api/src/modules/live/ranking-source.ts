import type { Leaderboard, PublicMode } from '@ca/shared';
import type { BoardChange } from '../ranking/ranking.service';

export type { PublicMode };
export type { BoardChange };

/**
 * The ranking module as the live fan-out, the reveal and the awards use it (RankingService
 * implements it; unit tests use a small fake).
 */
export interface LiveRankingSource {
  onChange(listener: (changes: BoardChange[]) => void): () => void;
  /** The board as `viewer` may see it (rule 7 applied). */
  leaderboard(
    editionId: string,
    trackId: string | null,
    viewer: { isOrganizer: boolean },
  ): Promise<Leaderboard>;
  publicMode(editionId: string): Promise<PublicMode>;
  onPublicModeChange(listener: (editionId: string, mode: PublicMode) => void): () => void;
}

export const RANKING_SOURCE = Symbol('LiveRankingSource');
