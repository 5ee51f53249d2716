import type { RouteObject } from 'react-router';
import { RequireOrganizer } from '../auth/components/require-auth';
import { ConsoleLayout } from './console/console-layout';
import { CONSOLE_SECTIONS } from './console/sections';
import { NewEditionPage } from './pages/new-edition-page';
import { OrganizePage } from './pages/organize-page';

/** Organizers' pages: the editions, a new edition, and each edition's console with its sections. */
export const organizerRoutes: RouteObject[] = [
  {
    path: 'organize',
    Component: RequireOrganizer,
    children: [
      { index: true, Component: OrganizePage },
      { path: 'editions/new', Component: NewEditionPage },
      {
        path: 'editions/:slug',
        Component: ConsoleLayout,
        children: CONSOLE_SECTIONS.map(({ path, Component }) =>
          path ? { path, Component } : { index: true, Component },
        ),
      },
    ],
  },
];
