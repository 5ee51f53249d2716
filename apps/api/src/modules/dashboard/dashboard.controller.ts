import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EditionDashboard } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { UuidParam } from '../../common/validation/zod';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The console's dashboard figures (`EditionDashboardSchema`); 404 for an unknown edition. */
  @OrganizerOnly()
  @Get('editions/:id/dashboard')
  get(@UuidParam('id') editionId: string): Promise<EditionDashboard> {
    return this.dashboard.dashboard(editionId);
  }
}
