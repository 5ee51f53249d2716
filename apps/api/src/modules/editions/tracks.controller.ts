import { Controller, Delete, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChallengeCreateSchema,
  ChallengePatchSchema,
  TrackPatchSchema,
  type Challenge,
  type ChallengeCreate,
  type ChallengePatch,
  type Language,
  type Track,
  type TrackPatch,
} from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { RequestLanguage } from '../../common/i18n/request-language';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { TracksService } from './tracks.service';

@ApiTags('editions')
@Controller()
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @OrganizerOnly()
  @Patch('tracks/:id')
  updateTrack(
    @UuidParam('id') id: string,
    @ZodBody(TrackPatchSchema) body: TrackPatch,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Track> {
    return this.tracks.updateTrack(id, body, user.id, lang);
  }

  /** 204; 409 TRACK_IN_USE while a team, project, juror or pending invitation names the track. */
  @OrganizerOnly()
  @Delete('tracks/:id')
  @HttpCode(204)
  async deleteTrack(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.tracks.deleteTrack(id, user.id);
  }

  @OrganizerOnly()
  @Post('tracks/:id/challenges')
  addChallenge(
    @UuidParam('id') id: string,
    @ZodBody(ChallengeCreateSchema) body: ChallengeCreate,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Challenge> {
    return this.tracks.addChallenge(id, body, user.id, lang);
  }

  @OrganizerOnly()
  @Patch('challenges/:id')
  updateChallenge(
    @UuidParam('id') id: string,
    @ZodBody(ChallengePatchSchema) body: ChallengePatch,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Challenge> {
    return this.tracks.updateChallenge(id, body, user.id, lang);
  }

  @OrganizerOnly()
  @Delete('challenges/:id')
  @HttpCode(204)
  async deleteChallenge(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.tracks.deleteChallenge(id, user.id);
  }
}
