import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/components/require-auth';
import { SubmissionEditorPage } from './pages/submission-editor-page';

/**
 * The team's project editor (signed in). The organizers' list of an edition's submissions is a
 * section of the organizer console (`features/organizer/console/sections.tsx`).
 */
export const submissionRoutes: RouteObject[] = [
  {
    Component: RequireAuth,
    children: [{ path: 'teams/:teamId/submission', Component: SubmissionEditorPage }],
  },
];
