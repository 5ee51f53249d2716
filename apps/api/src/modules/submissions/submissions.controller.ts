import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DisqualifySchema,
  ExtensionSchema,
  PageQuerySchema,
  SubmissionListQuerySchema,
  SubmissionPutSchema,
  type DisqualifyInput,
  type ExtensionInput,
  type ExtensionResult,
  type Page,
  type PageQuery,
  type Submission,
  type SubmissionListItem,
  type SubmissionListQuery,
  type SubmissionPut,
  type SubmissionChecklist,
  type SubmissionVersion,
} from '@ca/shared';
import { OrganizerOnly, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { SubmissionChecklistService } from './submission-checklist';
import { SubmissionsOrganizerService } from './submissions-organizer.service';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly organizer: SubmissionsOrganizerService,
    private readonly checklists: SubmissionChecklistService,
  ) {}

  /** Members and organizers (checked by the service); 200 with `null` before the first save. */
  @SignedIn()
  @Get('teams/:id/submission')
  get(@UuidParam('id') teamId: string, @CurrentUser() user: AuthUser): Promise<Submission | null> {
    return this.submissions.get(teamId, user);
  }

  /** Members and organizers: what the project has and lacks against the edition's requirements. */
  @SignedIn()
  @Get('teams/:id/submission/checklist')
  checklist(@UuidParam('id') teamId: string, @CurrentUser() user: AuthUser): Promise<SubmissionChecklist> {
    return this.checklists.forTeam(teamId, user);
  }

  /** Members: every save is a new version. */
  @SignedIn()
  @Put('teams/:id/submission')
  save(
    @UuidParam('id') teamId: string,
    @CurrentUser() user: AuthUser,
    @ZodBody(SubmissionPutSchema) body: SubmissionPut,
  ): Promise<Submission> {
    return this.submissions.save(teamId, user, body);
  }

  @SignedIn()
  @Post('teams/:id/submission/submit')
  @HttpCode(200)
  submit(@UuidParam('id') teamId: string, @CurrentUser() user: AuthUser): Promise<Submission> {
    return this.submissions.submit(teamId, user);
  }

  @SignedIn()
  @Post('teams/:id/submission/unsubmit')
  @HttpCode(200)
  unsubmit(@UuidParam('id') teamId: string, @CurrentUser() user: AuthUser): Promise<Submission> {
    return this.submissions.unsubmit(teamId, user);
  }

  /** Members and organizers: the history, newest first. */
  @SignedIn()
  @Get('teams/:id/submission/versions')
  versions(
    @UuidParam('id') teamId: string,
    @CurrentUser() user: AuthUser,
    @ZodQuery(PageQuerySchema) q: PageQuery,
  ): Promise<Page<SubmissionVersion>> {
    return this.submissions.versions(teamId, user, q);
  }

  @OrganizerOnly()
  @Get('editions/:id/submissions')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(SubmissionListQuerySchema) q: SubmissionListQuery,
  ): Promise<Page<SubmissionListItem>> {
    return this.organizer.list(editionId, q);
  }

  @OrganizerOnly()
  @Post('teams/:id/extension')
  @HttpCode(200)
  extend(
    @UuidParam('id') teamId: string,
    @CurrentUser() user: AuthUser,
    @ZodBody(ExtensionSchema) body: ExtensionInput,
  ): Promise<ExtensionResult> {
    return this.organizer.grantExtension(teamId, body.until, user);
  }

  @OrganizerOnly()
  @Post('submissions/:id/disqualify')
  @HttpCode(200)
  disqualify(
    @UuidParam('id') submissionId: string,
    @CurrentUser() user: AuthUser,
    @ZodBody(DisqualifySchema) body: DisqualifyInput,
  ): Promise<Submission> {
    return this.organizer.setDisqualified(submissionId, body.reason, user);
  }

  @OrganizerOnly()
  @Post('submissions/:id/reinstate')
  @HttpCode(200)
  reinstate(@UuidParam('id') submissionId: string, @CurrentUser() user: AuthUser): Promise<Submission> {
    return this.organizer.setDisqualified(submissionId, null, user);
  }
}
