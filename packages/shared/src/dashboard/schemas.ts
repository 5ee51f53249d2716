import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';

const Count = z.number().int().nonnegative();

/** The time zone whose calendar days the registrations chart counts in (the event is in Romania). */
export const DASHBOARD_TIME_ZONE = 'Europe/Bucharest';

/**
 * `GET /api/editions/:id/dashboard` (organizers, issue 13): the figures of the console's
 * dashboard, read through the owning modules. The web refetches it when the edition's live events
 * arrive (coverage, phase) and every little while otherwise.
 */
export const EditionDashboardSchema = z.object({
  editionId: IdSchema,
  /** When the figures were read (the server's clock). */
  at: InstantSchema,
  registrations: z.object({
    total: Count,
    /**
     * Registrations per calendar day in `DASHBOARD_TIME_ZONE`, from the first registration's day
     * to the last one's, days without any included (count 0); `cumulative` is the running total.
     */
    perDay: z.array(z.object({ day: z.iso.date(), count: Count, cumulative: Count })),
  }),
  teams: z.object({
    total: Count,
    /** Every track of the edition in its order, tracks without a team included. */
    perTrack: z.array(z.object({ trackId: IdSchema, teams: Count, members: Count })),
  }),
  /**
   * Each team's project, in one state: `none` (not started), `draft`, `submitted`, or `late`
   * (submitted after the edition's deadline, by a team with an extension).
   * `disqualified` counts projects of any state that are disqualified; `extensions` the teams
   * with a deadline of their own.
   */
  submissions: z.object({
    none: Count,
    draft: Count,
    submitted: Count,
    late: Count,
    disqualified: Count,
    extensions: Count,
  }),
  judging: z.object({
    reviewsPerSubmission: Count,
    /** Sheets needed (projects taking part × reviews each), assigned and done (counting). */
    required: Count,
    assigned: Count,
    done: Count,
    jurors: Count,
    /** Jurors with assigned projects not yet scored, most behind first. */
    jurorsBehind: z.array(
      z.object({ jurorId: IdSchema, name: z.string(), assigned: Count, done: Count, left: Count }),
    ),
    /** Flags raised by jurors and not yet handled. */
    flagsOpen: Count,
  }),
});
export type EditionDashboard = z.infer<typeof EditionDashboardSchema>;
