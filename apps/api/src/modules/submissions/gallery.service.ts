import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  localize,
  type GalleryItem,
  type GalleryProject,
  type GalleryQuery,
  type Language,
  type Page,
} from '@ca/shared';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { EditionsService } from '../editions/editions.service';
import { TeamsService } from '../teams/teams.service';
import { UsersService } from '../users/users.service';

interface GalleryRow {
  id: string;
  edition_id: string;
  team_id: string;
  team_name: string;
  track_id: string;
  track_name: string;
  track_name_ro: string;
  title: string;
  tagline: string;
  tech_tags: string[];
  challenge_ids: string[];
  submitted_at: Date;
  sort_key: string;
  description: string;
  repo_url: string;
  demo_url: string;
  video_url: string;
}

/** In the gallery: submitted and not disqualified. */
const GALLERY_SELECT = `
  SELECT s.id, s.edition_id, s.team_id, t.name AS team_name, s.track_id, tr.name AS track_name, tr.name_ro AS track_name_ro,
         s.title, s.tagline, s.tech_tags, s.challenge_ids, s.submitted_at, lower(s.title) AS sort_key,
         s.description, s.repo_url, s.demo_url, s.video_url
    FROM submissions s
    JOIN teams t ON t.id = s.team_id
    JOIN tracks tr ON tr.id = s.track_id
   WHERE s.status = 'submitted' AND s.disqualified_at IS NULL`;

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The public gallery of an edition's submitted projects. Closed (409 PHASE_CLOSED) until the
 * results are published (`resultsPublishedAt` set and reached by the database's clock).
 * `rank` and `score` stay null until the judging/leaderboard module provides final results.
 */
@Injectable()
export class GalleryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly teams: TeamsService,
    private readonly users: UsersService,
  ) {}

  async list(editionId: string, q: GalleryQuery, lang: Language = 'en'): Promise<Page<GalleryItem>> {
    await this.assertOpen(editionId);
    const cursor = decodeCursor(q.cursor, 2);
    const params: unknown[] = [editionId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['s.edition_id = $1'];
    if (q.trackId) where.push(`s.track_id = ${param(q.trackId)}`);
    if (q.q) {
      const p = param(likePattern(q.q));
      where.push(
        `(s.title ILIKE ${p} OR s.tagline ILIKE ${p} OR t.name ILIKE ${p}
          OR array_to_string(s.tech_tags, ' ') ILIKE ${p})`,
      );
    }
    if (cursor) where.push(`(lower(s.title), s.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows: GalleryRow[] = await this.db.query(
      `${GALLERY_SELECT} AND ${where.join(' AND ')}
        ORDER BY lower(s.title), s.id
        LIMIT ${param(q.limit + 1)}`,
      params,
    );
    const page = pageFrom(rows, q.limit, (r) => [r.sort_key, r.id]);
    return { items: page.items.map((r) => toGalleryItem(r, lang)), nextCursor: page.nextCursor };
  }

  /** One project's page; 404 when it is not in the gallery (draft, disqualified, other edition). */
  async project(editionId: string, submissionId: string, lang: Language = 'en'): Promise<GalleryProject> {
    await this.assertOpen(editionId);
    const [row]: GalleryRow[] = await this.db.query(`${GALLERY_SELECT} AND s.edition_id = $1 AND s.id = $2`, [
      editionId,
      submissionId,
    ]);
    if (!row) throw notFound('Project');
    const team = await this.teams.get(row.team_id);
    const members = await Promise.all(
      [...(team.members ?? [])]
        .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
        .map(async (m) => ({ userId: m.userId, name: (await this.users.get(m.userId)).name })),
    );
    return {
      ...toGalleryItem(row, lang),
      description: row.description,
      repoUrl: row.repo_url,
      demoUrl: row.demo_url,
      videoUrl: row.video_url,
      members,
    };
  }

  private async assertOpen(editionId: string): Promise<void> {
    const edition = await this.editions.get(editionId, { includeDrafts: false }); // 404 for drafts
    // The publication time is compared with the database's clock, like every other time rule.
    const [{ open }]: { open: boolean }[] = await this.db.query(
      'SELECT ($1::timestamptz IS NOT NULL AND $1::timestamptz <= now()) AS open',
      [edition.resultsPublishedAt],
    );
    if (!open) throw new DomainError('PHASE_CLOSED', 'The gallery opens when the results are published');
  }
}

function toGalleryItem(r: GalleryRow, lang: Language): GalleryItem {
  const trackName = { en: r.track_name, ro: r.track_name_ro };
  return {
    submissionId: r.id,
    editionId: r.edition_id,
    teamId: r.team_id,
    teamName: r.team_name,
    trackId: r.track_id,
    trackName: localize(trackName, lang),
    trackNameI18n: trackName,
    title: r.title,
    tagline: r.tagline,
    techTags: r.tech_tags,
    challengeIds: r.challenge_ids,
    submittedAt: r.submitted_at.toISOString(),
    // Final ranks come from the judging/leaderboard module, which does not exist yet: no fake ranks.
    rank: null,
    score: null,
  };
}
