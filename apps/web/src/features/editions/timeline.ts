import { TIMELINE_FIELDS, type Edition, type TimelineField } from '@ca/shared';

export interface TimelineEntry {
  field: TimelineField;
  at: string;
  ms: number;
}

/** The edition's set instants in time order (registration may close after hacking starts). */
export function timelineEntries(edition: Pick<Edition, TimelineField>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  TIMELINE_FIELDS.forEach((field) => {
    const at = edition[field];
    if (at) entries.push({ field, at, ms: Date.parse(at) });
  });
  // A stable sort keeps the contract's order for instants that coincide.
  return entries.sort((a, b) => a.ms - b.ms);
}

/** The first entry strictly after `now` (server time), or undefined once everything is past. */
export function nextEntry(entries: TimelineEntry[], now: number): TimelineEntry | undefined {
  return entries.find((e) => e.ms > now);
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function remaining(ms: number): Remaining {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
