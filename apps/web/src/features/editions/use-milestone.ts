import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/queries';
import { submissionQueries } from '../submissions/queries';
import { teamQueries } from '../teams/queries';
import { milestoneFor, viewerOf, type Milestone, type Viewer } from './next-step';
import type { TimedEdition } from './queries';
import { useServerNow } from './use-server-now';

/**
 * Who is looking at the edition and the instant that matters to them now (for a participant in a
 * team: the team's own deadline, an organizer's extension included).
 */
export function useMilestone(edition: TimedEdition): { viewer: Viewer; milestone: Milestone | null } {
  const { me } = useAuth();
  const viewer = viewerOf(me, edition.id);
  const now = useServerNow(edition.clockOffsetMs);
  const team = useQuery({ ...teamQueries.mine(edition.id), enabled: viewer.participant });
  const teamId = team.data?.id;
  const submission = useQuery({ ...submissionQueries.detail(teamId ?? ''), enabled: !!teamId });
  return { viewer, milestone: milestoneFor(edition, viewer, now, submission.data?.deadline) };
}
