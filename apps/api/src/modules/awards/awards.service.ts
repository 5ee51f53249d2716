import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Award, AwardWinner, AwardsPut, GalleryAward, LeaderboardRow } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { RANKING_SOURCE, type LiveRankingSource } from '../live/ranking-source';
import { AwardEntity } from './entities/award.entity';

interface Named {
  id: string;
  name: string;
  track_id: string;
}
interface Candidate {
  id: string;
  team_id: string;
  team_name: string;
  title: string;
  challenge_ids: string[];
}

const winnerOf = (
  r: Pick<LeaderboardRow, 'submissionId' | 'teamId' | 'teamName' | 'title'>,
): AwardWinner => ({
  submissionId: r.submissionId,
  teamId: r.teamId,
  teamName: r.teamName,
  title: r.title,
});

/**
 * The awards of an edition's results show, prepared by organizers before it: one per track (its
 * winner: the top of the track's board in the organizers' view, every project sharing rank 1 on a
 * tie) and one per sponsor challenge (its winner chosen among the submitted projects that target
 * the challenge). The reveal shows them after the places; the gallery once results are published.
 */
@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    @Inject(RANKING_SOURCE) private readonly ranking: LiveRankingSource,
  ) {}

  /** Every award, in show order, with its winners as they stand now. */
  async list(editionId: string): Promise<Award[]> {
    await this.editions.entity(editionId, { includeDrafts: true });
    return this.resolve(editionId, await this.rows(this.db.manager, editionId));
  }

  /** Replaces the list (one transaction, audited); answers it as `list` does. */
  async put(editionId: string, body: AwardsPut, actorId: string): Promise<Award[]> {
    await this.db.transaction(async (m) => {
      await this.editions.entity(editionId, { includeDrafts: true, manager: m, lock: true });
      const tracks: Named[] = await m.query(
        'SELECT id, name, id AS track_id FROM tracks WHERE edition_id = $1',
        [editionId],
      );
      const challenges: Named[] = await m.query(
        `SELECT c.id, c.title AS name, c.track_id FROM challenges c JOIN tracks t ON t.id = c.track_id
          WHERE t.edition_id = $1`,
        [editionId],
      );
      const trackIds = new Set(tracks.map((t) => t.id));
      const challengeIds = new Set(challenges.map((c) => c.id));
      const picked = body.flatMap((a) => (a.kind === 'challenge' && a.submissionId ? [a.submissionId] : []));
      const candidates = await this.candidates(m, editionId, picked);
      const seen = new Set<string>();
      body.forEach((a, i) => {
        const key = a.kind === 'track' ? `t:${a.trackId}` : `c:${a.challengeId}`;
        if (seen.has(key))
          throw new DomainError('VALIDATION_FAILED', `${i}: a second award for the same ${a.kind}`);
        seen.add(key);
        if (a.kind === 'track' && !trackIds.has(a.trackId))
          throw new DomainError('VALIDATION_FAILED', `${i}.trackId: not a track of this edition`);
        if (a.kind === 'challenge') {
          if (!challengeIds.has(a.challengeId))
            throw new DomainError('VALIDATION_FAILED', `${i}.challengeId: not a challenge of this edition`);
          if (a.submissionId) {
            const c = candidates.get(a.submissionId);
            if (!c || !c.challenge_ids.includes(a.challengeId))
              throw new DomainError(
                'VALIDATION_FAILED',
                `${i}.submissionId: not a submitted project of this edition that targets the challenge`,
              );
          }
        }
      });
      const repo = m.getRepository(AwardEntity);
      const before = await this.rows(m, editionId);
      await repo.delete({ editionId });
      if (body.length)
        await repo.insert(
          body.map((a, order) => ({
            editionId,
            kind: a.kind,
            trackId: a.kind === 'track' ? a.trackId : null,
            challengeId: a.kind === 'challenge' ? a.challengeId : null,
            submissionId: a.kind === 'challenge' ? a.submissionId : null,
            prize: a.prize,
            sponsor: a.sponsor,
            citation: a.citation,
            order,
          })),
        );
      await this.audit.record(m, {
        editionId,
        actorId,
        action: 'awards.updated',
        entity: 'edition',
        entityId: editionId,
        before: before.map(auditShape),
        after: body,
      });
    });
    return this.list(editionId);
  }

  /**
   * The awards of a reveal, in show order: for a track, its own award and those of its
   * challenges; for the whole edition (`trackId` null), all of them.
   */
  async forReveal(editionId: string, trackId: string | null): Promise<Award[]> {
    const all = await this.resolve(editionId, await this.rows(this.db.manager, editionId));
    if (trackId === null) return all;
    const challengeTracks = await this.challengeTracks(editionId);
    return all.filter((a) =>
      a.kind === 'track' ? a.trackId === trackId : challengeTracks.get(a.challengeId!) === trackId,
    );
  }

  /**
   * The gallery's read: each winning project's awards, once the results are published (the
   * caller, the gallery, opens only then). Empty before any award is prepared.
   */
  async bySubmission(editionId: string): Promise<Map<string, GalleryAward[]>> {
    const out = new Map<string, GalleryAward[]>();
    const rows = await this.rows(this.db.manager, editionId);
    if (rows.length === 0) return out;
    for (const a of await this.resolve(editionId, rows))
      for (const w of a.winners) {
        const list = out.get(w.submissionId) ?? [];
        list.push({
          id: a.id,
          kind: a.kind,
          name: a.name,
          prize: a.prize,
          sponsor: a.sponsor,
          citation: a.citation,
        });
        out.set(w.submissionId, list);
      }
    return out;
  }

  private rows(m: EntityManager, editionId: string): Promise<AwardEntity[]> {
    return m.getRepository(AwardEntity).find({ where: { editionId }, order: { order: 'ASC' } });
  }

  /** Submitted, not disqualified projects of the edition among `ids`. */
  private async candidates(
    m: EntityManager,
    editionId: string,
    ids: string[],
  ): Promise<Map<string, Candidate>> {
    if (ids.length === 0) return new Map();
    const rows: Candidate[] = await m.query(
      `SELECT s.id, s.team_id, t.name AS team_name, s.title, s.challenge_ids
         FROM submissions s JOIN teams t ON t.id = s.team_id
        WHERE s.edition_id = $1 AND s.id = ANY($2::uuid[])
          AND s.status = 'submitted' AND s.disqualified_at IS NULL`,
      [editionId, ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async challengeTracks(editionId: string): Promise<Map<string, string>> {
    const rows: { id: string; track_id: string }[] = await this.db.query(
      'SELECT c.id, c.track_id FROM challenges c JOIN tracks t ON t.id = c.track_id WHERE t.edition_id = $1',
      [editionId],
    );
    return new Map(rows.map((r) => [r.id, r.track_id]));
  }

  /** Names, and winners: a track's from its board now, a challenge's from the organizers' pick. */
  private async resolve(editionId: string, rows: AwardEntity[]): Promise<Award[]> {
    if (rows.length === 0) return [];
    const names = new Map<string, string>();
    const named: Named[] = await this.db.query(
      `SELECT id, name, id AS track_id FROM tracks WHERE edition_id = $1
       UNION ALL
       SELECT c.id, c.title AS name, c.track_id FROM challenges c JOIN tracks t ON t.id = c.track_id
        WHERE t.edition_id = $1`,
      [editionId],
    );
    for (const n of named) names.set(n.id, n.name);
    const picked = await this.candidates(
      this.db.manager,
      editionId,
      rows.flatMap((r) => (r.submissionId ? [r.submissionId] : [])),
    );
    const tops = new Map<string, AwardWinner[]>();
    for (const r of rows)
      if (r.kind === 'track' && r.trackId && !tops.has(r.trackId)) {
        const board = await this.ranking.leaderboard(editionId, r.trackId, { isOrganizer: true });
        tops.set(r.trackId, board.rows.filter((row) => row.rank === 1).map(winnerOf));
      }
    return rows.map((r) => {
      const pick = r.submissionId ? picked.get(r.submissionId) : undefined;
      return {
        id: r.id,
        editionId: r.editionId,
        kind: r.kind,
        trackId: r.trackId,
        challengeId: r.challengeId,
        name: names.get((r.trackId ?? r.challengeId)!) ?? '',
        prize: r.prize,
        sponsor: r.sponsor,
        citation: r.citation,
        order: r.order,
        winners:
          r.kind === 'track'
            ? (tops.get(r.trackId!) ?? [])
            : pick
              ? [{ submissionId: pick.id, teamId: pick.team_id, teamName: pick.team_name, title: pick.title }]
              : [],
      };
    });
  }
}

const auditShape = (a: AwardEntity) => ({
  kind: a.kind,
  trackId: a.trackId,
  challengeId: a.challengeId,
  submissionId: a.submissionId,
  prize: a.prize,
  sponsor: a.sponsor,
  citation: a.citation,
});
