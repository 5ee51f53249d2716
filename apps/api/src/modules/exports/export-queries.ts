import type { ExportKind } from '@ca/shared';

/**
 * The documented cross-module reads of the exports: one SQL query per kind over the tables of the
 * registrations, teams, submissions, judging, editions and users modules, read-only, streamed
 * through a cursor. Column aliases are the CSV columns of `EXPORT_COLUMNS` (shared). Times are
 * ISO-8601 UTC strings made by PostgreSQL (full precision kept as milliseconds, like the API).
 * `$1` is the edition's id. Each query has a total order, so two exports of the same data are equal.
 */
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const EXPORT_QUERIES: Record<Exclude<ExportKind, 'results'>, string> = {
  participants: `
    SELECT r.user_id AS "userId", u.name, u.email, array_to_string(r.skills, '; ') AS skills,
           r.looking_for_team AS "lookingForTeam", t.id AS "teamId", t.name AS "teamName",
           tr.slug AS "trackSlug", ${iso('r.created_at')} AS "registeredAt"
      FROM registrations r
      JOIN users u ON u.id = r.user_id
      LEFT JOIN team_members m ON m.edition_id = r.edition_id AND m.user_id = r.user_id
      LEFT JOIN teams t ON t.id = m.team_id
      LEFT JOIN tracks tr ON tr.id = t.track_id
     WHERE r.edition_id = $1
     ORDER BY r.created_at, r.user_id`,
  teams: `
    SELECT t.id AS "teamId", t.name, tr.slug AS "trackSlug", tr.name AS "trackName",
           t.captain_id AS "captainId", c.name AS "captainName",
           (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id) AS "memberCount",
           (SELECT string_agg(u.name, '; ' ORDER BY m.joined_at, u.id)
              FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = t.id) AS members,
           t.table_label AS "tableLabel", ${iso('t.extended_deadline')} AS "extendedDeadline",
           ${iso('t.created_at')} AS "createdAt"
      FROM teams t
      JOIN tracks tr ON tr.id = t.track_id
      LEFT JOIN users c ON c.id = t.captain_id
     WHERE t.edition_id = $1
     ORDER BY tr.position, t.name_key, t.id`,
  submissions: `
    SELECT s.id AS "submissionId", s.team_id AS "teamId", t.name AS "teamName", tr.slug AS "trackSlug",
           s.title, s.tagline, s.status, ${iso('s.submitted_at')} AS "submittedAt", s.version,
           s.repo_url AS "repoUrl", s.demo_url AS "demoUrl", s.video_url AS "videoUrl",
           array_to_string(s.tech_tags, '; ') AS "techTags", s.disqualified_at IS NOT NULL AS disqualified,
           s.disqualified_reason AS "disqualifiedReason", ${iso('s.updated_at')} AS "updatedAt"
      FROM submissions s
      JOIN teams t ON t.id = s.team_id
      JOIN tracks tr ON tr.id = s.track_id
     WHERE s.edition_id = $1
     ORDER BY tr.position, s.title, s.id`,
  // One row per sheet and criterion, in the criteria's order; a criterion the sheet has no value
  // for (criteria are frozen once a score exists, so only in hand-made data) is an empty cell.
  scores: `
    SELECT sh.id AS "sheetId", sh.submission_id AS "submissionId", s.title, t.name AS "teamName",
           sh.juror_id AS "jurorId", j.name AS "jurorName", c.id AS "criterionId", c.name AS criterion,
           c.weight, c.scale_min AS min, c.scale_max AS max,
           (sh.values ->> c.id::text)::float8 AS value, sh.score AS "sheetScore", sh.comment,
           ${iso('sh.updated_at')} AS "updatedAt"
      FROM score_sheets sh
      JOIN submissions s ON s.id = sh.submission_id
      JOIN teams t ON t.id = s.team_id
      JOIN users j ON j.id = sh.juror_id
      JOIN criteria c ON c.edition_id = sh.edition_id
     WHERE sh.edition_id = $1
     ORDER BY s.title, sh.submission_id, j.name, sh.juror_id, c.position`,
};
