import type {
  AuthResult,
  JuryAcceptResult,
  LoginInput,
  Me,
  NotificationSettings,
  NotificationSettingsUpdate,
  PasswordChange,
  PasswordResetConfirm,
  PasswordResetRequest,
  RegisterInput,
} from '@ca/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import { closeSocket } from '../../lib/socket';
import { authKeys, authQueries } from './queries';

/** These forms show their errors in place, so the global error notification stays quiet. */
const inPlace = { errorShownInPlace: true } as const;

/**
 * After the signed-in user changes: learn who it is now, and refetch everything else, since what
 * the API shows depends on who asks (organizers see drafts, members see invite codes). The live
 * socket authenticated with the old session at its handshake, so it is reopened.
 */
async function userChanged(queryClient: QueryClient, me?: Me): Promise<void> {
  closeSocket();
  if (me) queryClient.setQueryData(authKeys.me(), me);
  else await queryClient.fetchQuery({ ...authQueries.me(), staleTime: 0 });
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: LoginInput) => http.post<AuthResult>('/auth/login', body),
    onSuccess: () => userChanged(queryClient),
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: RegisterInput) => http.post<AuthResult>('/auth/register', body),
    // A new account holds no role in any edition yet.
    onSuccess: (result) => userChanged(queryClient, { ...result.user, editions: [] }),
  });
}

/** Ends the session; whatever happens, this device forgets everything it fetched as that user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<void>('/auth/logout'),
    onSettled: () => {
      closeSocket();
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    meta: inPlace,
    mutationFn: (body: PasswordChange) => http.post<void>('/auth/password', body),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    meta: inPlace,
    mutationFn: (body: PasswordResetRequest) => http.post<void>('/auth/password-reset/request', body),
  });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: PasswordResetConfirm) => http.post<void>('/auth/password-reset/confirm', body),
    // The reset ends every session of the account, this device's included if it had one.
    onSuccess: () => {
      closeSocket();
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}

export function useAcceptJuryInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (token: string) =>
      http.post<JuryAcceptResult>(`/jury/invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}

/** Saves some of the mail settings; the answer (all of them) replaces the cached ones. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) =>
      http.put<NotificationSettings>('/auth/me/notifications', body),
    onSuccess: (settings) => queryClient.setQueryData(authKeys.notifications(), settings),
  });
}
