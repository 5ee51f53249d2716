import { createBrowserRouter, type RouteObject } from 'react-router';
import { authRoutes } from '../features/auth/routes';
import { EditionPage } from '../features/editions/pages/edition-page';
import { HomePage } from '../features/editions/pages/home-page';
import { galleryRoutes } from '../features/gallery/routes';
import { judgingRoutes } from '../features/judging/routes';
import { organizerRoutes } from '../features/organizer/routes';
import { submissionRoutes } from '../features/submissions/routes';
import { teamRoutes } from '../features/teams/routes';
import { screenRoutes } from '../features/screen/routes';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';
import { AppLayout } from './layout';

export const routes: RouteObject[] = [
  // Full-screen pages, outside the app's layout.
  { ErrorBoundary: RouteErrorPage, children: screenRoutes },
  {
    path: '/',
    Component: AppLayout,
    children: [
      {
        ErrorBoundary: RouteErrorPage,
        children: [
          { index: true, Component: HomePage },
          { path: 'editions/:slug', Component: EditionPage },
          ...galleryRoutes,
          ...submissionRoutes,
          ...authRoutes,
          ...teamRoutes,
          ...organizerRoutes,
          ...judgingRoutes,
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
