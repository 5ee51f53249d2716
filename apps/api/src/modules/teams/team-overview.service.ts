import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, TeamOverview, TeamOverviewQuery } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { isUuid } from '../../common/validation/uuid';
import { EditionsService } from '../editions/editions.service';
import { TeamEntity } from './entities/team.entity';
import { TeamsService } from './teams.service';

interface ProjectRow {
  team_id: string;
  id: string;
  title: string;
  status: 'draft' | 'submitted';
  updated_at: Date;
  submitted_at: Date | null;
  disqualified: boolean;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The organizers' teams list: every team of the edition with the state of its project (none,
 * draft, submitted), so that teams that have not started show as such. Reads the submissions
 * table in the same query (a cross-module read, README "Module boundaries").
 */
@Injectable()
export class TeamOverviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly teams: TeamsService,
  ) {}

  async list(editionId: string, viewer: AuthUser, q: TeamOverviewQuery): Promise<Page<TeamOverview>> {
    const edition = await this.editions.entity(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .leftJoin('submissions', 's', 's.team_id = t.id')
      .where('t.edition_id = :editionId', { editionId })
      .orderBy('t.name_key', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(q.limit + 1);
    if (q.trackId) qb.andWhere('t.track_id = :trackId', { trackId: q.trackId });
    if (q.project === 'none') qb.andWhere('s.id IS NULL');
    else if (q.project) qb.andWhere('s.status = :status', { status: q.project });
    if (q.q) qb.andWhere("t.name ILIKE :q ESCAPE '\\'", { q: likePattern(q.q) });
    if (q.hasFreePlaces !== undefined) {
      const cmp = q.hasFreePlaces ? '<' : '>=';
      qb.andWhere(`(SELECT count(*) FROM team_members tm WHERE tm.team_id = t.id) ${cmp} :max`, {
        max: edition.teamMaxSize,
      });
    }
    if (cursor) {
      if (typeof cursor[0] !== 'string' || !isUuid(String(cursor[1])))
        throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor this list gave out');
      qb.andWhere('(t.name_key, t.id) > (:k, :i)', { k: cursor[0], i: cursor[1] });
    }
    const page = pageFrom(await qb.getMany(), q.limit, (t) => [t.nameKey, t.id]);
    const views = await this.teams.toTeams(page.items, edition, viewer);
    const projects: ProjectRow[] = page.items.length
      ? await this.db.query(
          `SELECT team_id, id, title, status, updated_at, submitted_at, disqualified_at IS NOT NULL AS disqualified
             FROM submissions WHERE team_id = ANY($1::uuid[])`,
          [page.items.map((t) => t.id)],
        )
      : [];
    const byTeam = new Map(projects.map((p) => [p.team_id, p]));
    return {
      items: views.map((team) => {
        const p = byTeam.get(team.id);
        return {
          ...team,
          project: {
            state: p ? p.status : 'none',
            submissionId: p?.id ?? null,
            title: p?.title ?? null,
            updatedAt: p ? p.updated_at.toISOString() : null,
            submittedAt: p?.submitted_at ? p.submitted_at.toISOString() : null,
            disqualified: p?.disqualified ?? false,
          },
        };
      }),
      nextCursor: page.nextCursor,
    };
  }
}
