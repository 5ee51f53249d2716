import { Controller, Delete, Get, HttpCode, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccountDeleteSchema, type AccountDelete, type PersonalData } from '@ca/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { ZodBody } from '../../common/validation/zod';
import { AccountDeletionService } from './account-deletion.service';
import { PersonalDataService } from './personal-data.service';

@ApiTags('auth')
@Controller('auth')
export class PrivacyController {
  constructor(
    private readonly data: PersonalDataService,
    private readonly deletion: AccountDeletionService,
  ) {}

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
