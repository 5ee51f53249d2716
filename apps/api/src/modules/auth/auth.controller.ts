import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  LoginSchema,
  RegisterSchema,
  SESSION_COOKIE,
  type AuthResult,
  type LoginInput,
  type Me,
  type RegisterInput,
} from '@ca/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, SignedIn } from '../../common/auth/access.decorator';
import { CurrentSession, type RequestAuth } from '../../common/auth/current-user';
import { ZodBody } from '../../common/validation/zod';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private setCookie(reply: FastifyReply, token: string) {
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: Math.floor(this.config.sessionTtlMs / 1000),
    });
  }

  @Public()
  @Post('register')
  async register(
    @ZodBody(RegisterSchema) body: RegisterInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    const result = await this.auth.register(body);
    this.setCookie(reply, result.token);
    return result;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @ZodBody(LoginSchema) body: LoginInput,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    const result = await this.auth.login(body, req.ip);
    this.setCookie(reply, result.token);
    return result;
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentSession() session: RequestAuth,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(session.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @SignedIn()
  @Get('me')
  me(@CurrentSession() session: RequestAuth): Promise<Me> {
    return this.users.me(session.user.id);
  }
}
