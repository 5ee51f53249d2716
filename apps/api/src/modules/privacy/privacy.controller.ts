import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PersonalData } from '@ca/shared';
import type { FastifyReply } from 'fastify';
import { SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { PersonalDataService } from './personal-data.service';

@ApiTags('auth')
@Controller('auth')
export class PrivacyController {
  constructor(private readonly data: PersonalDataService) {}

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
