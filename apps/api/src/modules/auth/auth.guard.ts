import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, type AccessRule } from '../../common/auth/access.decorator';
import { tokenFrom } from '../../common/auth/token';
import { DomainError } from '../../common/errors/domain-error';
import { isUuid } from '../../common/validation/uuid';
import { UsersService } from '../users/users.service';
import { SessionsService } from './sessions.service';

/** The one guard of every HTTP route: resolves the session, then applies the route's AccessRule. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) throw new DomainError('FORBIDDEN', 'This endpoint declares no access rule');

    const token = tokenFrom(req.headers.authorization, req.headers.cookie);
    const auth = token ? await this.sessions.resolve(token) : null;
    if (auth) req.auth = auth;
    // A stale cookie must not break public pages: there the visitor is simply anonymous.
    if (rule.kind === 'public') return true;
    if (!auth) {
      throw new DomainError(
        'UNAUTHENTICATED',
        token ? 'Your session is invalid or has ended; sign in again' : 'Sign in first',
      );
    }
    const user = auth.user;
    if (rule.kind === 'user') return true;
    if (user.isOrganizer) return true;
    if (rule.kind === 'organizer') throw new DomainError('FORBIDDEN', 'Organizers only');

    const editionId = (req.params as Record<string, string>)[rule.param];
    if (!editionId || !isUuid(editionId)) throw new DomainError('NOT_FOUND', 'Edition not found');
    if (await this.users.hasEditionRole(user.id, editionId, rule.roles)) return true;
    throw new DomainError('FORBIDDEN', `Only ${rule.roles.join(' or ')}s of this edition may do this`);
  }
}
