import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Health } from '@ca/shared';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** 200 when the database answers within two seconds, 503 otherwise (load balancers probe this). */
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const ok = await Promise.race([
      this.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref()),
    ]);
    if (!ok) void reply.status(503);
    return { status: ok ? 'ok' : 'error', db: ok ? 'ok' : 'down' };
  }
}
