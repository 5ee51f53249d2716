import path from 'node:path';
import type { RouteObject } from 'react-router';

/**
 * Every path of the web app's router (`apps/web/src/app/router.tsx`), as a pattern:
 * `/editions/:slug/team`, `/organize/editions/:slug/coverage`, `*` for the catch-all (404).
 * Read from the sources, so a new route (or console section) shows up here by itself.
 */
export function appRoutePatterns(): string[] {
  // Required at run time (not imported): the web app's TSX is not part of this package's typecheck.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { routes } = require(path.resolve(__dirname, '../../apps/web/src/app/router.tsx')) as {
    routes: RouteObject[];
  };
  const out = new Set<string>();
  const walk = (list: RouteObject[], base: string) => {
    for (const r of list) {
      const here =
        r.path === undefined
          ? base
          : r.path.startsWith('/')
            ? r.path
            : `${base.replace(/\/$/, '')}/${r.path}`;
      if (r.index || (r.path !== undefined && !r.children?.length)) out.add(here === '' ? '/' : here);
      if (r.children) walk(r.children, here);
    }
  };
  walk(routes, '');
  return [...out].sort();
}
