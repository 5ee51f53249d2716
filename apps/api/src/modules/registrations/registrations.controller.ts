import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ParticipantsQuerySchema,
  RegistrationCreateSchema,
  RegistrationPatchSchema,
  type Page,
  type Participant,
  type ParticipantsQuery,
  type Registration,
  type RegistrationCreate,
  type RegistrationPatch,
} from '@ca/shared';
import { EditionRoles, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { RegistrationsService } from './registrations.service';

@ApiTags('registrations')
@Controller('editions/:id')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** Registers the caller as a participant (register window only). */
  @SignedIn()
  @Post('registrations')
  register(
    @UuidParam('id') editionId: string,
    @ZodBody(RegistrationCreateSchema) body: RegistrationCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<Registration> {
    return this.registrations.register(editionId, user, body);
  }

  @EditionRoles(['participant'])
  @Get('registrations/me')
  mine(@UuidParam('id') editionId: string, @CurrentUser() user: AuthUser): Promise<Registration> {
    return this.registrations.mine(editionId, user.id);
  }

  @EditionRoles(['participant'])
  @Patch('registrations/me')
  updateMine(
    @UuidParam('id') editionId: string,
    @ZodBody(RegistrationPatchSchema) body: RegistrationPatch,
    @CurrentUser() user: AuthUser,
  ): Promise<Registration> {
    return this.registrations.updateMine(editionId, user.id, body);
  }

  /** The team-finder (registered participants) and the organizers' participant list. */
  @EditionRoles(['participant'])
  @Get('participants')
  participants(
    @UuidParam('id') editionId: string,
    @ZodQuery(ParticipantsQuerySchema) q: ParticipantsQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<Participant>> {
    return this.registrations.participants(editionId, q, user);
  }
}
