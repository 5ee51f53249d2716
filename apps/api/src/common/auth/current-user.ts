import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  isOrganizer: boolean;
}
export interface RequestAuth {
  user: AuthUser;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
}

/** The signed-in user (routes whose rule requires one). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (!auth) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return auth.user;
});

/** The user if signed in, else `null` (public routes that show more to some). */
export const OptionalUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | null =>
    ctx.switchToHttp().getRequest<FastifyRequest>().auth?.user ?? null,
);

export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestAuth => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (!auth) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return auth;
});
