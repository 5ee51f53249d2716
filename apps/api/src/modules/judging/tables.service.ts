import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TablesNumber, TablesNumbered, Team } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { validationFailed } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { TeamsService } from '../teams/teams.service';

/** The letters of a name without diacritics or anything but letters and digits, upper case. */
const letters = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();

/**
 * Default table prefixes: the first letter of each track's name (`Health` → `H`), more letters
 * where two tracks would share one (`Health`, `Heritage` → `HEA`, `HER`), the track's position
 * appended where even the whole names agree.
 */
export function defaultPrefixes(tracks: readonly { id: string; name: string }[]): Map<string, string> {
  const base = tracks.map((t, i) => ({ id: t.id, word: letters(t.name) || `T${i + 1}`, length: 1 }));
  const prefix = (b: (typeof base)[number]) => b.word.slice(0, b.length);
  for (let round = 0; round < 50; round++) {
    const counts = new Map<string, number>();
    for (const b of base) counts.set(prefix(b), (counts.get(prefix(b)) ?? 0) + 1);
    const clashing = base.filter((b) => counts.get(prefix(b))! > 1);
    if (clashing.length === 0) break;
    let grew = false;
    for (const b of clashing) {
      if (b.length < b.word.length) {
        b.length++;
        grew = true;
      }
    }
    if (!grew) {
      base.forEach((b, i) => {
        if (counts.get(prefix(b))! > 1) b.word = `${b.word}${i + 1}`;
        b.length = b.word.length;
      });
    }
  }
  return new Map(base.map((b) => [b.id, prefix(b)]));
}

/**
 * Expo tables: where each team sits in the hall. The label lives on the team (the teams module
 * owns that column and writes it); this decides the labels and audits the change.
 */
@Injectable()
export class TablesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly teams: TeamsService,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
  ) {}

  /** Sets one team's label (null clears it); answers the team as organizers see it. */
  async setTable(teamId: string, tableLabel: string | null, actor: AuthUser): Promise<Team> {
    await this.db.transaction(async (m) => {
      const team = await this.teams.get(teamId, m);
      if (team.tableLabel === tableLabel) return;
      await this.teams.setTableLabels([{ teamId, tableLabel }], m);
      await this.audit.record(m, {
        editionId: team.editionId,
        actorId: actor.id,
        action: 'team.table_set',
        entity: 'team',
        entityId: teamId,
        before: { tableLabel: team.tableLabel },
        after: { tableLabel },
      });
    });
    return this.teams.view(teamId, actor);
  }

  /**
   * Numbers every team of the edition, track by track (tracks in their order, teams by name):
   * `<prefix><separator><number>`, numbers from `startAt`, zero-padded to `digits`.
   */
  async numberAll(editionId: string, input: TablesNumber, actor: AuthUser): Promise<TablesNumbered> {
    const edition = await this.editions.get(editionId, { includeDrafts: true });
    const trackIds = new Set(edition.tracks.map((t) => t.id));
    const unknown = Object.keys(input.prefixes ?? {}).filter((id) => !trackIds.has(id));
    if (unknown.length)
      throw validationFailed('prefixes', `not tracks of this edition: ${unknown.join(', ')}`);
    const prefixes = defaultPrefixes(edition.tracks);
    for (const [trackId, prefix] of Object.entries(input.prefixes ?? {})) prefixes.set(trackId, prefix);
    const position = new Map(edition.tracks.map((t, i) => [t.id, i]));

    return this.db.transaction(async (m) => {
      const teams: { id: string; name: string; track_id: string; table_label: string | null }[] =
        await m.query(
          'SELECT id, name, track_id, table_label FROM teams WHERE edition_id = $1 ORDER BY name_key, id FOR UPDATE',
          [editionId],
        );
      teams.sort((a, b) => position.get(a.track_id)! - position.get(b.track_id)!);
      const next = new Map<string, number>();
      const items = teams.map((t) => {
        const n = next.get(t.track_id) ?? input.startAt;
        next.set(t.track_id, n + 1);
        const label = `${prefixes.get(t.track_id)}${input.separator}${String(n).padStart(input.digits, '0')}`;
        return { teamId: t.id, teamName: t.name, trackId: t.track_id, tableLabel: label };
      });
      await this.teams.setTableLabels(items, m);
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'tables.numbered',
        entity: 'edition',
        entityId: editionId,
        before: teams.map((t) => ({ teamId: t.id, tableLabel: t.table_label })),
        after: items.map((i) => ({ teamId: i.teamId, tableLabel: i.tableLabel })),
      });
      return { items };
    });
  }
}
