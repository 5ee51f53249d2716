import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorBody } from './error-mapping';

/** The one place where errors become HTTP answers (docs/api.md: `{ statusCode, code, message }`). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body, unexpected } = toErrorBody(exception);
    if (unexpected) this.logger.error(exception);
    void reply.status(body.statusCode).send(body);
  }
}
