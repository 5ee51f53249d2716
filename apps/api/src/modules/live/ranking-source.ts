import type { Leaderboard, LeaderboardRow } from '@ca/shared';

/** What everyone but organizers sees of an edition's boards (PRODUCT.md rule 7). */
export type PublicMode = 'live' | 'frozen' | 'hidden' | 'published';

/**
 * One board's change in the organizers' (live) view: the rows that changed with their new ranks,
 * the ids that left the board, and its new version. Versions are contiguous per board and come
 * from the database, so every instance numbers the same change the same.
 */
export interface BoardChange {
  editionId: string;
  trackId: string | null;
  version: number;
  rows: LeaderboardRow[];
  removed: string[];
}

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
