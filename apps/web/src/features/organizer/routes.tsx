import type { RouteObject } from 'react-router';
import { RequireOrganizer } from '../auth/components/require-auth';
import { EditionEditorPage, NewEditionPage } from './pages/edition-editor-page';
import { OrganizePage } from './pages/organize-page';

/** Organizers' pages: the editions, a new edition, an edition's editor. */
export const organizerRoutes: RouteObject[] = [
  {
    path: 'organize',
    Component: RequireOrganizer,
    children: [
      { index: true, Component: OrganizePage },
      { path: 'editions/new', Component: NewEditionPage },
      { path: 'editions/:slug', Component: EditionEditorPage },
    ],
  },
];
