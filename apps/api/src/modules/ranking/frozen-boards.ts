import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeaderboardRow } from '@ca/shared';
import { DataSource } from 'typeorm';
import { JudgingReadService } from '../judging/judging-read.service';
import type { EditionState } from './edition-state';
import { computeEdition } from './engine';
import { freezeMoment } from './public-mode';
import { ALL_BOARD } from './ranking-change';
import { RankingStore } from './ranking-store';

/** An edition's boards as they stood at the freeze, with each board's version at that moment. */
export interface FrozenView {
  moment: number;
  boards: Map<string | null, LeaderboardRow[]>;
  versions: Map<string, number>;
}

interface Entry {
  moment: number;
  epoch: number;
  view: Promise<FrozenView>;
}

/**
 * The public's frozen boards (rule 7): `computeEdition` over each sheet as it stood at the freeze's
 * moment (JudgingReadService.sheetsAsOf) and the projects, conflicts and criteria as they are now
 * (a disqualified project or a conflicted sheet counts nowhere, frozen or not). Computed on first
 * request and kept until a change could alter it: any change but a sheet's, or a sheet saved by a
 * transaction that began before the moment (it stood so at the freeze, though it committed after).
 * A board's version is the version it had at the moment (the last change recorded by then).
 */
@Injectable()
export class FrozenBoards implements OnModuleInit {
  private readonly cache = new Map<string, Entry>();
  private readonly epochs = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: RankingStore,
    private readonly judging: JudgingReadService,
  ) {}

  onModuleInit(): void {
    this.store.subscribe({
      boards: () => undefined,
      publicView: () => undefined,
      applied: (state, applied) => {
        const moment = freezeMoment(state.settings);
        if (applied.kind !== 'sheet' || (moment !== null && applied.at <= moment))
          this.invalidate(state.editionId);
      },
    });
  }

  /** The frozen view of the edition (its freeze must have a moment). */
  view(state: EditionState): Promise<FrozenView> {
    const moment = freezeMoment(state.settings)!;
    const epoch = this.epochs.get(state.editionId) ?? 0;
    const cached = this.cache.get(state.editionId);
    if (cached && cached.moment === moment && cached.epoch === epoch) return cached.view;
    const view = this.compute(state, moment);
    const entry: Entry = { moment, epoch, view };
    this.cache.set(state.editionId, entry);
    view.catch(() => {
      if (this.cache.get(state.editionId) === entry) this.cache.delete(state.editionId);
    });
    return view;
  }

  private invalidate(editionId: string): void {
    this.epochs.set(editionId, (this.epochs.get(editionId) ?? 0) + 1);
    this.cache.delete(editionId);
  }

  private async compute(state: EditionState, moment: number): Promise<FrozenView> {
    const at = new Date(moment);
    const input = state.input(); // taken now, before the reads: the state may move on meanwhile
    const [sheets, versions] = await Promise.all([
      this.judging.sheetsAsOf(state.editionId, at),
      this.db.query(
        `SELECT v.key AS board, max(v.value::bigint) AS version
           FROM ranking_changes c, jsonb_each_text(c.versions) v
          WHERE c.edition_id = $1 AND c.at <= $2
          GROUP BY v.key`,
        [state.editionId, at],
      ) as Promise<{ board: string; version: string }[]>,
    ]);
    return {
      moment,
      boards: computeEdition({ ...input, sheets }),
      versions: new Map(versions.map((v) => [v.board, Number(v.version)])),
    };
  }
}

export const frozenVersion = (view: FrozenView, trackId: string | null) =>
  view.versions.get(trackId ?? ALL_BOARD) ?? 0;
