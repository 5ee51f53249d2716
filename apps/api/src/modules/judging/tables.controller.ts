import { Controller, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  TablesNumberSchema,
  TeamTablePutSchema,
  type TablesNumber,
  type TablesNumbered,
  type Team,
  type TeamTablePut,
} from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { TablesService } from './tables.service';

/** Expo tables: the team's table or location label in the hall. */
@ApiTags('judging')
@Controller()
export class TablesController {
  constructor(private readonly tables: TablesService) {}

  @OrganizerOnly()
  @Put('teams/:id/table')
  setTable(
    @UuidParam('id') teamId: string,
    @ZodBody(TeamTablePutSchema) body: TeamTablePut,
    @CurrentUser() user: AuthUser,
  ): Promise<Team> {
    return this.tables.setTable(teamId, body.tableLabel, user);
  }

  /** Numbers every team, track by track (`H-01`, `H-02`…, `T-01`…). */
  @OrganizerOnly()
  @Post('editions/:id/tables/number')
  @HttpCode(200)
  number(
    @UuidParam('id') editionId: string,
    @ZodBody(TablesNumberSchema) body: TablesNumber,
    @CurrentUser() user: AuthUser,
  ): Promise<TablesNumbered> {
    return this.tables.numberAll(editionId, body, user);
  }
}
