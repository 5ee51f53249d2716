import {
  AnnouncementDeletedSchema,
  AnnouncementSchema,
  EditionPhaseEventSchema,
  RevealStepSchema,
  SCREEN_ANNOUNCEMENTS,
  ScreenStateSchema,
  type Announcement,
  type AnnouncementDeleted,
  type EditionPhaseEvent,
  type Phase,
  type RevealStep,
} from '@ca/shared';
import { useEffect, useState } from 'react';
import { getSocket } from '../../lib/socket';

/** How often the screen re-measures the server's clock. */
const CLOCK_SYNC_MS = 5 * 60_000;

export interface ScreenLive {
  phase: Phase | null;
  /** Server time minus device time (ms), measured over the socket with half the round trip. */
  offsetMs: number;
  /** Newest first, at most SCREEN_ANNOUNCEMENTS. */
  announcements: Announcement[];
  reveal: RevealStep | null;
}

/** Newest first, one per id, at most SCREEN_ANNOUNCEMENTS: the list never grows. */
export function mergeAnnouncement(list: Announcement[], a: Announcement): Announcement[] {
  const others = list.filter((x) => x.id !== a.id);
  return [...others, a]
    .sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0))
    .slice(0, SCREEN_ANNOUNCEMENTS);
}

/** Whether `next` replaces the step a screen shows: a new show, a reset, or a later step of the same show. */
export function takesReveal(current: RevealStep | null, next: RevealStep): boolean {
  if (!current || current.revealId !== next.revealId) return true;
  if (!next.active) return true;
  return current.active && next.step > current.step;
}

/**
 * The event screen's live state: `screen:subscribe` (phase, announcements, the reveal) at every
 * (re)connection, then the events of the edition's room. A server restart or a network blip is a
 * reconnection like any other: the state is taken afresh.
 */
export function useScreenState(editionId: string | undefined): ScreenLive {
  const [live, setLive] = useState<ScreenLive>({ phase: null, offsetMs: 0, announcements: [], reveal: null });

  useEffect(() => {
    if (!editionId) return;
    const socket = getSocket();
    let closed = false;
    const subscribe = () => {
      const sentAt = Date.now();
      socket.timeout(10_000).emit('screen:subscribe', { editionId }, (err, res) => {
        if (closed || err || !res.ok) return;
        const parsed = ScreenStateSchema.safeParse(res.state);
        if (!parsed.success) return;
        const receivedAt = Date.now();
        const s = parsed.data;
        setLive({
          phase: s.phase,
          offsetMs: Date.parse(s.serverTime) - (sentAt + receivedAt) / 2,
          announcements: s.announcements.slice(0, SCREEN_ANNOUNCEMENTS),
          reveal: s.reveal,
        });
      });
    };
    const syncClock = () => {
      const sentAt = Date.now();
      socket.timeout(5000).emit('clock:sync', {}, (err, res) => {
        if (closed || err || !res.ok) return;
        const offsetMs = Date.parse(res.serverTime) - (sentAt + Date.now()) / 2;
        setLive((l) => ({ ...l, offsetMs }));
      });
    };
    const onAnnouncement = (payload: Announcement) => {
      const a = AnnouncementSchema.safeParse(payload);
      if (a.success && a.data.editionId === editionId)
        setLive((l) => ({ ...l, announcements: mergeAnnouncement(l.announcements, a.data) }));
    };
    const onDeleted = (payload: AnnouncementDeleted) => {
      const d = AnnouncementDeletedSchema.safeParse(payload);
      if (!d.success || d.data.editionId !== editionId) return;
      setLive((l) => ({ ...l, announcements: l.announcements.filter((a) => a.id !== d.data.id) }));
      // The next older one may not be here (the list is short): take the state afresh.
      subscribe();
    };
    const onPhase = (payload: EditionPhaseEvent) => {
      const p = EditionPhaseEventSchema.safeParse(payload);
      if (p.success && p.data.editionId === editionId) setLive((l) => ({ ...l, phase: p.data.phase }));
    };
    const onReveal = (payload: RevealStep) => {
      const r = RevealStepSchema.safeParse(payload);
      if (!r.success || r.data.editionId !== editionId) return;
      setLive((l) => (takesReveal(l.reveal, r.data) ? { ...l, reveal: r.data.active ? r.data : null } : l));
    };

    // Recovered or not, the state is taken afresh (see useLiveLeaderboard).
    const onConnect = () => subscribe();
    socket.on('connect', onConnect);
    socket.on('announcement', onAnnouncement);
    socket.on('announcement:deleted', onDeleted);
    socket.on('edition:phase', onPhase);
    socket.on('reveal:step', onReveal);
    if (socket.connected) subscribe();
    const clock = setInterval(syncClock, CLOCK_SYNC_MS);
    return () => {
      closed = true;
      clearInterval(clock);
      socket.off('connect', onConnect);
      socket.off('announcement', onAnnouncement);
      socket.off('announcement:deleted', onDeleted);
      socket.off('edition:phase', onPhase);
      socket.off('reveal:step', onReveal);
    };
  }, [editionId]);

  return live;
}
