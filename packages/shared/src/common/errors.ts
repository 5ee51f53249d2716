import { z } from 'zod';

/**
 * Every error code the API may answer with, and the HTTP status it always travels with.
 * The web app translates messages by code, so a code never changes meaning.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  /** Sign-up without `acceptTerms: true`. */
  TERMS_NOT_ACCEPTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** Password change: the current password given is not the account's. */
  WRONG_PASSWORD: 403,
  NOT_ASSIGNED: 403,
  CONFLICT_OF_INTEREST: 403,
  /** A state-changing request from a page of another site (its Origin is not the app's). */
  ORIGIN_REFUSED: 403,
  NOT_FOUND: 404,
  NAME_TAKEN: 409,
  ALREADY_IN_TEAM: 409,
  ALREADY_REGISTERED: 409,
  NOT_REGISTERED: 409,
  TEAM_FULL: 409,
  /** Submitting: the team has fewer members than the edition's teamMinSize. */
  TEAM_TOO_SMALL: 409,
  /** The last member may not leave (and so delete) a team whose project is submitted or disqualified. */
  TEAM_HAS_SUBMISSION: 409,
  /** A timeline change would end judging at or before a team's deadline extension. */
  EXTENSION_PAST_JUDGING: 409,
  DEADLINE_PASSED: 409,
  PHASE_CLOSED: 409,
  /** `next` on a reveal that was not started (or was reset). */
  REVEAL_NOT_STARTED: 409,
  STALE_VERSION: 409,
  /** Submit refused: the edition requires items the project lacks (`details.missing`). */
  SUBMISSION_INCOMPLETE: 409,
  /** A join request or invitation between this team and this person is already pending (`details`). */
  REQUEST_PENDING: 409,
  /** The join request or jury invitation was already accepted, declined, withdrawn, closed or revoked. */
  NOT_PENDING: 409,
  /** A captain invited someone who is not looking for a team (or has one already). */
  NOT_LOOKING_FOR_TEAM: 409,
  EMAIL_TAKEN: 409,
  /** Judging: the assignment has a score sheet, so it cannot be removed or moved. */
  SHEET_EXISTS: 409,
  /** Judging: no juror can take the assignment over (every other one is conflicted or already on it). */
  NO_ELIGIBLE_JUROR: 409,
  /** Judging: the flag was already reassigned or dismissed. */
  FLAG_RESOLVED: 409,
  /** Deleting a track that a team, a project, a juror or a pending jury invitation still names (`details` counts them). */
  TRACK_IN_USE: 409,
  /** Purging an edition's personal data before its retention date (`details.retentionUntil`). */
  RETENTION_NOT_REACHED: 409,
  INVALID_TOKEN: 410,
  PAYLOAD_TOO_LARGE: 413,
  /** A body that is not JSON (`content-type: application/json`). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
export const ErrorCodeSchema = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

export const ApiErrorBodySchema = z.object({
  statusCode: z.number().int(),
  code: ErrorCodeSchema,
  message: z.string(),
  /** Extra data some errors carry, e.g. the current submission with STALE_VERSION. */
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
