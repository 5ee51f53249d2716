import { Injectable } from '@nestjs/common';
import { DASHBOARD_TIME_ZONE, type EditionDashboard } from '@ca/shared';
import { EditionsService } from '../editions/editions.service';
import { CoverageService } from '../judging/coverage.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { SubmissionsOrganizerService } from '../submissions/submissions-organizer.service';
import { TeamsService } from '../teams/teams.service';

/**
 * The organizers' dashboard of an edition: registrations over time, teams per track, projects by
 * state, judging coverage with the jurors behind, open flags. Reads only, each figure through the
 * module that owns it.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly editions: EditionsService,
    private readonly registrations: RegistrationsService,
    private readonly teams: TeamsService,
    private readonly submissions: SubmissionsOrganizerService,
    private readonly coverage: CoverageService,
  ) {}

  async dashboard(editionId: string): Promise<EditionDashboard> {
    const edition = await this.editions.get(editionId, { includeDrafts: true }); // 404 if unknown
    const [perDay, perTrack, states, coverage] = await Promise.all([
      this.registrations.perDay(editionId, DASHBOARD_TIME_ZONE),
      this.teams.countsByTrack(editionId),
      this.submissions.stateCounts(editionId),
      this.coverage.coverage(editionId),
    ]);
    let cumulative = 0;
    const days = perDay.map((d) => ({ ...d, cumulative: (cumulative += d.count) }));
    const byTrack = new Map(perTrack.map((r) => [r.trackId, r]));
    const jurorsBehind = coverage.jurors
      .filter((j) => j.done < j.assigned)
      .map((j) => ({
        jurorId: j.jurorId,
        name: j.name,
        assigned: j.assigned,
        done: j.done,
        left: j.assigned - j.done,
      }))
      .sort((a, b) => b.left - a.left || a.name.localeCompare(b.name));
    return {
      editionId,
      at: new Date().toISOString(),
      registrations: { total: cumulative, perDay: days },
      teams: {
        total: perTrack.reduce((n, r) => n + r.teams, 0),
        perTrack: edition.tracks.map((tr) => ({
          trackId: tr.id,
          teams: byTrack.get(tr.id)?.teams ?? 0,
          members: byTrack.get(tr.id)?.members ?? 0,
        })),
      },
      submissions: states,
      judging: {
        reviewsPerSubmission: coverage.reviewsPerSubmission,
        required: coverage.totals.required,
        assigned: coverage.totals.assigned,
        done: coverage.totals.done,
        jurors: coverage.jurors.length,
        jurorsBehind,
        flagsOpen: coverage.totals.flagsOpen,
      },
    };
  }
}
