import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAuth } from '../auth/queries';
import { editionQueries } from '../editions/queries';
import { useSheetOutbox } from './offline/use-sheet-outbox';
import { judgingQueries } from './queries';
import { routeStatus, type RouteStatus } from './scoring';
import type { MyAssignment } from '@ca/shared';
import type { QueuedSheet } from './offline/sheet-store';

export interface RouteItem {
  assignment: MyAssignment;
  queued: QueuedSheet | undefined;
  status: RouteStatus;
}

/**
 * What both juror screens need: the edition (criteria, timeline), the juror's projects in walking
 * order, and their outbox, joined so that each project knows whether an edit of it is queued.
 */
export function useJurorRoute(slug: string) {
  const { me } = useAuth();
  const edition = useQuery(editionQueries.detail(slug));
  const editionId = edition.data?.id;
  const assignments = useQuery({
    ...judgingQueries.myAssignments(editionId ?? ''),
    enabled: !!editionId,
  });
  const { outbox, state } = useSheetOutbox(me?.id);

  const route = useMemo((): RouteItem[] => {
    const queued = new Map(state.items.map((i) => [i.submissionId, i]));
    return (assignments.data ?? []).map((assignment) => {
      const q = queued.get(assignment.submissionId);
      return { assignment, queued: q, status: routeStatus(assignment, q) };
    });
  }, [assignments.data, state.items]);

  return { me, edition, assignments, outbox, outboxState: state, route };
}
