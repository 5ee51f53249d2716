import type { RouteObject } from 'react-router';
import { RequireOrganizer } from '../auth/components/require-auth';
import { LiveConsolePage } from './pages/live-console-page';

/** The organizer's live console. */
export const liveRoutes: RouteObject[] = [
  {
    path: 'organize/editions/:slug/live',
    Component: RequireOrganizer,
    children: [{ index: true, Component: LiveConsolePage }],
  },
];
