import type { RouteObject } from 'react-router';
import { RequireAuth } from './components/require-auth';
import { AccountPage } from './pages/account-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { JuryAcceptPage } from './pages/jury-accept-page';
import { JuryEditionsPage } from './pages/jury-editions-page';
import { LoginPage } from './pages/login-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { SignupPage } from './pages/signup-page';
import { TermsPage } from './pages/terms-page';

/** Accounts: the public sign-in pages, and the signed-in account and jury-invitation pages. */
export const authRoutes: RouteObject[] = [
  { path: 'login', Component: LoginPage },
  { path: 'signup', Component: SignupPage },
  { path: 'terms', Component: TermsPage },
  { path: 'forgot-password', Component: ForgotPasswordPage },
  { path: 'reset-password', Component: ResetPasswordPage },
  {
    Component: RequireAuth,
    children: [
      { path: 'account', Component: AccountPage },
      { path: 'jury/accept', Component: JuryAcceptPage },
      { path: 'jury', Component: JuryEditionsPage },
    ],
  },
];
