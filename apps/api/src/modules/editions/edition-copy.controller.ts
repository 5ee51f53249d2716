import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EditionCopySchema, type Edition, type EditionCopy, type Language } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { RequestLanguage } from '../../common/i18n/request-language';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { EditionCopyService } from './edition-copy.service';

@ApiTags('editions')
@Controller('editions')
export class EditionCopyController {
  constructor(private readonly copies: EditionCopyService) {}

  /** 201 the new edition, with the source's tracks, challenges, criteria and settings. */
  @OrganizerOnly()
  @Post(':id/copy')
  copy(
    @UuidParam('id') id: string,
    @ZodBody(EditionCopySchema) body: EditionCopy,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Edition> {
    return this.copies.copy(id, body, user.id, lang);
  }
}
