import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AssignmentCreateSchema,
  AssignmentsQuerySchema,
  ConflictCreateSchema,
  SecondRoundRequestSchema,
  type Assignment,
  type AssignmentCreate,
  type AssignmentsQuery,
  type AutoAssignSummary,
  type Conflict,
  type ConflictCreate,
  type ConflictDeclared,
  type Coverage,
  type MyAssignments,
  type Page,
  type SecondRoundRequest,
  type SecondRoundSummary,
} from '@ca/shared';
import { EditionRoles, OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { AssignmentsService } from './assignments.service';
import { ConflictsService } from './conflicts.service';
import { CoverageService } from './coverage.service';
import { MyAssignmentsService } from './my-assignments.service';
import { SecondRoundService } from './second-round.service';

/** Conflicts, assignments and coverage of an edition. */
@ApiTags('judging')
@Controller('editions/:id')
export class JudgingController {
  constructor(
    private readonly conflicts: ConflictsService,
    private readonly assignments: AssignmentsService,
    private readonly secondRounds: SecondRoundService,
    private readonly mine: MyAssignmentsService,
    private readonly coverageService: CoverageService,
  ) {}

  /** Jurors declare their own; organizers name the juror (`jurorId`). 201 with what it changed. */
  @EditionRoles(['juror'])
  @Post('conflicts')
  declare(
    @UuidParam('id') editionId: string,
    @ZodBody(ConflictCreateSchema) body: ConflictCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<ConflictDeclared> {
    return this.conflicts.declare(editionId, body, user);
  }

  /** Every conflict, declared or implicit (a juror who is a member of the team). */
  @OrganizerOnly()
  @Get('conflicts')
  listConflicts(@UuidParam('id') editionId: string): Promise<Page<Conflict>> {
    return this.conflicts.list(editionId);
  }

  /** The caller's own conflicts in the edition. */
  @EditionRoles(['juror'])
  @Get('conflicts/me')
  myConflicts(@UuidParam('id') editionId: string, @CurrentUser() user: AuthUser): Promise<Page<Conflict>> {
    return this.conflicts.list(editionId, user.id);
  }

  /** Withdraws a declared conflict (a mistake); 204. */
  @OrganizerOnly()
  @Delete('conflicts/:conflictId')
  @HttpCode(204)
  async withdraw(
    @UuidParam('id') editionId: string,
    @UuidParam('conflictId') conflictId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.conflicts.withdraw(editionId, conflictId, user);
  }

  /** Balanced assignment; re-running keeps assignments with a sheet or made by hand. 200 with a summary. */
  @OrganizerOnly()
  @Post('assignments/auto')
  @HttpCode(200)
  auto(@UuidParam('id') editionId: string, @CurrentUser() user: AuthUser): Promise<AutoAssignSummary> {
    return this.assignments.auto(editionId, user);
  }

  /**
   * Second judging round (issue 14): k more reviews, balanced and conflict-free, for the projects
   * whose rank near the top `top` is uncertain. 200 with what was added.
   */
  @OrganizerOnly()
  @Post('assignments/second-round')
  @HttpCode(200)
  secondRound(
    @UuidParam('id') editionId: string,
    @ZodBody(SecondRoundRequestSchema) body: SecondRoundRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<SecondRoundSummary> {
    return this.secondRounds.run(editionId, body, user);
  }

  /** Assign by hand: 201 with the assignment (assigning again answers it). */
  @OrganizerOnly()
  @Post('assignments')
  assign(
    @UuidParam('id') editionId: string,
    @ZodBody(AssignmentCreateSchema) body: AssignmentCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<Assignment> {
    return this.assignments.assign(editionId, body, user);
  }

  /** Unassign by hand: 204; 409 SHEET_EXISTS when the juror scored it. */
  @OrganizerOnly()
  @Delete('assignments/:jurorId/:submissionId')
  @HttpCode(204)
  async unassign(
    @UuidParam('id') editionId: string,
    @UuidParam('jurorId') jurorId: string,
    @UuidParam('submissionId') submissionId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.assignments.unassign(editionId, { jurorId, submissionId }, user);
  }

  @OrganizerOnly()
  @Get('assignments')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(AssignmentsQuerySchema) q: AssignmentsQuery,
  ): Promise<Page<Assignment>> {
    return this.assignments.list(editionId, q);
  }

  /** The juror's projects with their sheets, flags and tables, in walking order. */
  @EditionRoles(['juror'])
  @Get('assignments/me')
  myAssignments(@UuidParam('id') editionId: string, @CurrentUser() user: AuthUser): Promise<MyAssignments> {
    return this.mine.mine(editionId, user);
  }

  @OrganizerOnly()
  @Get('coverage')
  coverage(@UuidParam('id') editionId: string): Promise<Coverage> {
    return this.coverageService.coverage(editionId);
  }
}
