import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UserSearchQuerySchema, type Page, type UserAccount, type UserSearchQuery } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodQuery } from '../../common/validation/zod';
import { UserAdminService } from './user-admin.service';

@ApiTags('users')
@OrganizerOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly admin: UserAdminService) {}

  /** `?query=` part of a name or email; paginated, by name. */
  @Get()
  search(@ZodQuery(UserSearchQuerySchema) q: UserSearchQuery): Promise<Page<UserAccount>> {
    return this.admin.search(q);
  }

  /** 200 with the account; ends all its sessions; 403 FORBIDDEN for one's own account. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@UuidParam('id') id: string, @CurrentUser() actor: AuthUser): Promise<UserAccount> {
    return this.admin.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@UuidParam('id') id: string, @CurrentUser() actor: AuthUser): Promise<UserAccount> {
    return this.admin.setDisabled(actor, id, false);
  }
}
