import { WINDOWS, windowOpen, type WindowName } from '@ca/shared';
import { useEffect, useState } from 'react';
import type { TimedEdition } from '../editions/queries';

/** The edition's timeline as epoch milliseconds, for the window rules of the shared package. */
export function windowTimes(e: TimedEdition) {
  return {
    published: e.published,
    registrationOpensAt: Date.parse(e.registrationOpensAt),
    registrationClosesAt: Date.parse(e.registrationClosesAt),
    hackingStartsAt: Date.parse(e.hackingStartsAt),
    submissionDeadline: Date.parse(e.submissionDeadline),
    judgingEndsAt: Date.parse(e.judgingEndsAt),
  };
}

/** Timers longer than this overflow in browsers (about 24.8 days). */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Whether a window of docs/domain.md is open, on the server's clock, updated the moment it opens or
 * closes (one timer per boundary, no ticking). What the API allows follows these windows, not
 * the phase label: registering may still be open while hacking.
 */
export function useWindowOpen(name: WindowName, edition: TimedEdition | undefined): boolean {
  const [deviceNow, setDeviceNow] = useState(() => Date.now());

  useEffect(() => {
    if (!edition) return;
    const times = windowTimes(edition);
    const serverNow = Date.now() + edition.clockOffsetMs;
    const shown = windowOpen(name, times, deviceNow + edition.clockOffsetMs);
    // Out of date already (the edition changed, or the page slept): update at once.
    const next =
      shown !== windowOpen(name, times, serverNow)
        ? serverNow
        : WINDOWS[name](times).find((at) => at > serverNow);
    if (next === undefined) return;
    const timer = setTimeout(() => setDeviceNow(Date.now()), Math.min(next - serverNow + 50, MAX_TIMEOUT));
    return () => clearTimeout(timer);
  }, [name, edition, deviceNow]);

  return !!edition && windowOpen(name, windowTimes(edition), deviceNow + edition.clockOffsetMs);
}
