import type { RouteObject } from 'react-router';
import { ScreenPage } from './pages/screen-page';

/** The event screen: outside the app's layout (no header), full-screen. */
export const screenRoutes: RouteObject[] = [{ path: 'screen/:editionSlug', Component: ScreenPage }];
