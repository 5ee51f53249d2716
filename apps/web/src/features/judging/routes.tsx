import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/components/require-auth';
import { JurorRoutePage } from './pages/juror-route-page';
import { ScoreProjectPage } from './pages/score-project-page';

/** The juror's screens: the route through the hall, and one project's sheet. */
export const judgingRoutes: RouteObject[] = [
  {
    Component: RequireAuth,
    children: [
      { path: 'jury/:slug', Component: JurorRoutePage },
      { path: 'jury/:slug/projects/:submissionId', Component: ScoreProjectPage },
    ],
  },
];
