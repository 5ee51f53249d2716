import type { RouteObject } from 'react-router';
import { GalleryPage } from './pages/gallery-page';
import { GalleryProjectPage } from './pages/gallery-project-page';

/** The public gallery of an edition and a page per project (open once results are published). */
export const galleryRoutes: RouteObject[] = [
  { path: 'editions/:slug/gallery', Component: GalleryPage },
  { path: 'editions/:slug/gallery/:submissionId', Component: GalleryProjectPage },
];
