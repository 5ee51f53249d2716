import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  FlagCreateSchema,
  FlagDismissSchema,
  FlagReassignSchema,
  ScoreSheetPutSchema,
  SheetOverrideSchema,
  SheetReopenSchema,
  type Flag,
  type FlagCreate,
  type FlagDismiss,
  type FlagReassign,
  type FlagReassigned,
  type Page,
  type ScoreSheet,
  type ScoreSheetPut,
  type SheetOverride,
  type SheetReopen,
  type SheetReopening,
  type SubmissionSheet,
} from '@ca/shared';
import { OrganizerOnly, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { CorrectionsService } from './corrections.service';
import { FlagsService } from './flags.service';
import { ScoreSheetsService } from './score-sheets.service';

/** Score sheets, flags and corrections. */
@ApiTags('judging')
@Controller()
export class ScoresController {
  constructor(
    private readonly sheets: ScoreSheetsService,
    private readonly flags: FlagsService,
    private readonly corrections: CorrectionsService,
  ) {}

  /** The assigned juror saves their sheet (checked by the service: assigned, unconflicted, window). */
  @SignedIn()
  @Put('submissions/:id/scores/me')
  saveMine(
    @UuidParam('id') submissionId: string,
    @ZodBody(ScoreSheetPutSchema) body: ScoreSheetPut,
    @CurrentUser() user: AuthUser,
  ): Promise<ScoreSheet> {
    return this.sheets.save(submissionId, user, body);
  }

  /** Organizers: every sheet of the project, counting or not, with reopenings. */
  @OrganizerOnly()
  @Get('submissions/:id/scores')
  list(@UuidParam('id') submissionId: string): Promise<Page<SubmissionSheet>> {
    return this.corrections.sheets(submissionId);
  }

  /** After judging ended: an audited override of one juror's sheet. */
  @OrganizerOnly()
  @Put('submissions/:id/scores/:jurorId')
  override(
    @UuidParam('id') submissionId: string,
    @UuidParam('jurorId') jurorId: string,
    @ZodBody(SheetOverrideSchema) body: SheetOverride,
    @CurrentUser() user: AuthUser,
  ): Promise<ScoreSheet> {
    return this.corrections.override(submissionId, jurorId, body, user);
  }

  /** After judging ended: the juror may save this sheet again (until closed, or `minutes`). */
  @OrganizerOnly()
  @Post('submissions/:id/scores/:jurorId/reopen')
  @HttpCode(200)
  reopen(
    @UuidParam('id') submissionId: string,
    @UuidParam('jurorId') jurorId: string,
    @ZodBody(SheetReopenSchema) body: SheetReopen,
    @CurrentUser() user: AuthUser,
  ): Promise<SheetReopening> {
    return this.corrections.reopen(submissionId, jurorId, body, user);
  }

  @OrganizerOnly()
  @Post('submissions/:id/scores/:jurorId/close')
  @HttpCode(200)
  close(
    @UuidParam('id') submissionId: string,
    @UuidParam('jurorId') jurorId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SheetReopening> {
    return this.corrections.close(submissionId, jurorId, user);
  }

  /** The assigned juror: "team absent" or "cannot judge", with a reason. 201. */
  @SignedIn()
  @Post('submissions/:id/flags')
  flag(
    @UuidParam('id') submissionId: string,
    @ZodBody(FlagCreateSchema) body: FlagCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<Flag> {
    return this.flags.create(submissionId, user, body);
  }

  /** Resolves a flag by moving the assignment to another juror (least loaded unless named). */
  @OrganizerOnly()
  @Post('flags/:id/reassign')
  @HttpCode(200)
  reassign(
    @UuidParam('id') flagId: string,
    @ZodBody(FlagReassignSchema) body: FlagReassign,
    @CurrentUser() user: AuthUser,
  ): Promise<FlagReassigned> {
    return this.flags.reassign(flagId, body, user);
  }

  /** Resolves a flag and keeps the assignment. */
  @OrganizerOnly()
  @Post('flags/:id/dismiss')
  @HttpCode(200)
  dismiss(
    @UuidParam('id') flagId: string,
    @ZodBody(FlagDismissSchema) body: FlagDismiss,
    @CurrentUser() user: AuthUser,
  ): Promise<Flag> {
    return this.flags.dismiss(flagId, body, user);
  }
}
