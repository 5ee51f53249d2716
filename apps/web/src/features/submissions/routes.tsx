import type { RouteObject } from 'react-router';
import { OrganizerSubmissionsPage } from './pages/organizer-submissions-page';
import { SubmissionEditorPage } from './pages/submission-editor-page';

/**
 * The team's project editor (members) and the organizers' list of an edition's submissions.
 * The pages say so themselves when the API answers 401 or 403.
 */
export const submissionRoutes: RouteObject[] = [
  { path: 'teams/:teamId/submission', Component: SubmissionEditorPage },
  { path: 'organize/editions/:slug/submissions', Component: OrganizerSubmissionsPage },
];
