import { createBrowserRouter, type RouteObject } from 'react-router';
import { EditionPage } from '../features/editions/pages/edition-page';
import { HomePage } from '../features/editions/pages/home-page';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';
import { AppLayout } from './layout';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      {
        ErrorBoundary: RouteErrorPage,
        children: [
          { index: true, Component: HomePage },
          { path: 'editions/:slug', Component: EditionPage },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
