import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader, QueryError } from '../../../components/query-state';
import { ForbiddenPage } from '../pages/forbidden-page';
import { loginPath, useAuth } from '../queries';

/**
 * A route whose pages need a signed-in user: visitors go to the login page, which brings them
 * back here (`?next=`) once signed in or signed up.
 */
export function RequireAuth() {
  const auth = useAuth();
  const { pathname, search } = useLocation();
  if (auth.isPending) return <PageLoader />;
  if (auth.isError) return <QueryError error={auth.error} onRetry={auth.refetch} />;
  if (!auth.me) return <Navigate to={loginPath(pathname + search)} replace />;
  return <Outlet />;
}

/** Organizers' pages; signed-in people without the role are told so. */
export function RequireOrganizer() {
  const auth = useAuth();
  const { pathname, search } = useLocation();
  if (auth.isPending) return <PageLoader />;
  if (auth.isError) return <QueryError error={auth.error} onRetry={auth.refetch} />;
  if (!auth.me) return <Navigate to={loginPath(pathname + search)} replace />;
  if (!auth.me.isOrganizer) return <ForbiddenPage />;
  return <Outlet />;
}
