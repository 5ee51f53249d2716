import type { CoverageRow, DashboardChanged, EditionPhaseEvent } from '@ca/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '../../../lib/socket';
import { dashboardKeys } from './queries';

/** At most one refetch of the dashboard per this many milliseconds, however busy judging gets. */
export const DASHBOARD_THROTTLE_MS = 2_000;

/**
 * Keeps the dashboard live: joins the edition's organizers room (`coverage:update` after every
 * sheet, conflict, assignment, flag; `dashboard:changed` after registrations, team and project
 * changes) and its room (`edition:phase`), and on such an event
 * refetches the dashboard, throttled (the first event at once, a burst in one trailing refetch).
 * The socket only notifies; the figures come from the REST API. After a reconnection the rooms
 * are joined again and the figures refetched, since events may have been missed meanwhile.
 */
export function useDashboardLive(editionId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const refetch = () => {
      last = Date.now();
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.dashboard(editionId) });
    };
    const refresh = () => {
      if (timer) return;
      const wait = last + DASHBOARD_THROTTLE_MS - Date.now();
      if (wait <= 0) refetch();
      else
        timer = setTimeout(() => {
          timer = undefined;
          refetch();
        }, wait);
    };
    const join = () => {
      socket.emit('coverage:subscribe', { editionId }, () => undefined);
      socket.emit('screen:subscribe', { editionId }, () => undefined);
    };
    const onCoverage = (row: CoverageRow) => {
      if (row.editionId === editionId) refresh();
    };
    const onPhase = (event: EditionPhaseEvent) => {
      if (event.editionId === editionId) refresh();
    };
    const onChanged = (event: DashboardChanged) => {
      if (event.editionId === editionId) refresh();
    };
    let connectedBefore = socket.connected;
    const onConnect = () => {
      join();
      if (connectedBefore) refresh();
      connectedBefore = true;
    };
    socket.on('coverage:update', onCoverage);
    socket.on('edition:phase', onPhase);
    socket.on('dashboard:changed', onChanged);
    socket.on('connect', onConnect);
    if (socket.connected) join();
    return () => {
      if (timer) clearTimeout(timer);
      socket.off('coverage:update', onCoverage);
      socket.off('edition:phase', onPhase);
      socket.off('dashboard:changed', onChanged);
      socket.off('connect', onConnect);
    };
  }, [editionId, queryClient]);
}
