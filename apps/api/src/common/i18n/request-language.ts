import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { pickLanguage, type Language } from '@ca/shared';
import type { FastifyRequest } from 'fastify';

/**
 * The reader's language from the request's `Accept-Language` header (English when absent): texts
 * written in both languages are answered in it, falling back to the other one where it is empty.
 */
export const RequestLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): Language =>
  pickLanguage(ctx.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
