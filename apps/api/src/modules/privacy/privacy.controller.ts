import { Controller, Delete, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AccountDeleteSchema,
  NotificationSettingsUpdateSchema,
  type AccountDelete,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  type PersonalData,
  type PersonalDataPurgeResult,
} from '@ca/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrganizerOnly, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { UsersService } from '../users/users.service';
import { AccountDeletionService } from './account-deletion.service';
import { PersonalDataService } from './personal-data.service';
import { RetentionPurgeService } from './retention-purge.service';

@ApiTags('auth')
@Controller('auth')
export class PrivacyController {
  constructor(
    private readonly data: PersonalDataService,
    private readonly deletion: AccountDeletionService,
    private readonly users: UsersService,
  ) {}

  /** The language of the person's mail and which optional notifications they receive. */
  @SignedIn()
  @Get('me/notifications')
  notifications(@CurrentUser() user: AuthUser): Promise<NotificationSettings> {
    return this.users.notificationSettings(user.id);
  }

  /** Any subset of the settings; answers them all. */
  @SignedIn()
  @Put('me/notifications')
  updateNotifications(
    @CurrentUser() user: AuthUser,
    @ZodBody(NotificationSettingsUpdateSchema) body: NotificationSettingsUpdate,
  ): Promise<NotificationSettings> {
    return this.users.updateNotificationSettings(user.id, body);
  }

  /** Deletes (anonymises) the signed-in person's account; 403 WRONG_PASSWORD, nothing changed. */
  @SignedIn()
  @Delete('me')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @ZodBody(AccountDeleteSchema) body: AccountDelete,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.deletion.delete(user, body.password, req.ip);
  }

  /** Everything stored about the signed-in person, as a JSON attachment. */
  @SignedIn()
  @Get('me/data')
  async download(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonalData> {
    const data = await this.data.download(user.id);
    reply
      .header(
        'content-disposition',
        `attachment; filename="challenge-accepted-my-data-${data.exportedAt.slice(0, 10)}.json"`,
      )
      .header('cache-control', 'no-store');
    return data;
  }
}

@ApiTags('editions')
@Controller('editions')
export class RetentionController {
  constructor(private readonly purge: RetentionPurgeService) {}

  /** 409 RETENTION_NOT_REACHED before the edition's retention date (the database's clock). */
  @OrganizerOnly()
  @Post(':id/purge-personal-data')
  @HttpCode(200)
  purgePersonalData(
    @UuidParam('id') id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<PersonalDataPurgeResult> {
    return this.purge.purge(id, actor);
  }
}
