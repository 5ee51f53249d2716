import type { Registration, RegistrationCreateInput } from '@ca/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http, isApiError } from '../../lib/http';
import { authKeys } from '../auth/queries';
import { registrationKeys } from './queries';

/** Registers the caller; their roles (`/auth/me`) change with it. */
export function useRegisterForEdition(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { errorShownInPlace: true },
    mutationFn: (body: RegistrationCreateInput) =>
      http.post<Registration>(`/editions/${editionId}/registrations`, body),
    onSuccess: async (registration) => {
      queryClient.setQueryData(registrationKeys.mine(editionId), registration);
      await queryClient.invalidateQueries({ queryKey: authKeys.me() });
      void queryClient.invalidateQueries({ queryKey: registrationKeys.participantLists(editionId) });
    },
    onError: (error) => {
      // Registered meanwhile (another tab): the roles are stale, not the person.
      if (isApiError(error) && error.code === 'ALREADY_REGISTERED')
        void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
