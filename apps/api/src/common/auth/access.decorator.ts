import { SetMetadata } from '@nestjs/common';
import type { EditionRole } from '@ca/shared';

/**
 * Who may call an endpoint. Every route declares exactly one rule (a route without one is refused
 * with 403 and fails the access-matrix test); finer checks on one resource (team member, assigned
 * juror) live in the services.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'organizer' }
  /** Signed in with one of `roles` in the edition named by route parameter `param`; organizers always pass. */
  | { kind: 'edition'; roles: EditionRole[]; param: string };

export const ACCESS_KEY = 'ca:access';

/** Anyone, signed in or not (the user is still resolved when a session is presented). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'user' } satisfies AccessRule);
/** Organizers only. */
export const OrganizerOnly = () => SetMetadata(ACCESS_KEY, { kind: 'organizer' } satisfies AccessRule);
/** A participant and/or juror of the edition in route parameter `param` (default `id`), or an organizer. */
export const EditionRoles = (roles: EditionRole[], param = 'id') =>
  SetMetadata(ACCESS_KEY, { kind: 'edition', roles, param } satisfies AccessRule);
