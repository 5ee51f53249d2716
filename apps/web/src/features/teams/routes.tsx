import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/components/require-auth';
import { TeamResultPage } from '../ranking/pages/team-result-page';
import { JoinTeamPage } from './pages/join-team-page';
import { MyTeamPage } from './pages/my-team-page';
import { TeamFinderPage } from './pages/team-finder-page';

/** Teams (signed in): the caller's team, the team-finder, and the invite link's page. */
export const teamRoutes: RouteObject[] = [
  {
    Component: RequireAuth,
    children: [
      { path: 'editions/:slug/team', Component: MyTeamPage },
      { path: 'editions/:slug/find-team', Component: TeamFinderPage },
      { path: 'join/:inviteCode', Component: JoinTeamPage },
      { path: 'teams/:teamId/result', Component: TeamResultPage },
    ],
  },
];
