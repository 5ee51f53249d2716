import type { RouteObject } from 'react-router';
import { RequireAuth, RequireOrganizer } from '../auth/components/require-auth';
import { OrganizerSubmissionsPage } from './pages/organizer-submissions-page';
import { SubmissionEditorPage } from './pages/submission-editor-page';

/** The team's project editor (signed in) and the organizers' list of an edition's submissions. */
export const submissionRoutes: RouteObject[] = [
  {
    Component: RequireAuth,
    children: [{ path: 'teams/:teamId/submission', Component: SubmissionEditorPage }],
  },
  {
    path: 'organize/editions/:slug/submissions',
    Component: RequireOrganizer,
    children: [{ index: true, Component: OrganizerSubmissionsPage }],
  },
];
