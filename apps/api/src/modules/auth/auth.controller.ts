import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  LoginSchema,
  PasswordChangeSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  RegisterSchema,
  SESSION_COOKIE,
  pickLanguage,
  type AuthResult,
  type LoginInput,
  type Me,
  type PasswordChange,
  type PasswordResetConfirm,
  type PasswordResetRequest,
  type RegisterInput,
  type Session,
} from '@ca/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, SignedIn } from '../../common/auth/access.decorator';
import {
  CurrentSession,
  OptionalUser,
  type AuthUser,
  type RequestAuth,
} from '../../common/auth/current-user';
import { ZodBody } from '../../common/validation/zod';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { IpLimiter } from './ip-limiter';
import { PasswordsService } from './passwords.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly ipLimiter: IpLimiter,
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

  /** 429 RATE_LIMITED past REGISTER_RESET_MAX_PER_IP registrations from one address. */
  @Public()
  @Post('register')
  async register(
    @ZodBody(RegisterSchema) body: RegisterInput,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    await this.ipLimiter.count('register', req.ip);
    const result = await this.auth.register(body, pickLanguage(req.headers['accept-language']));
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

  /** Who is signed in: `{ user: null }` for anonymous callers (and stale sessions), never 401. */
  @Public()
  @Get('session')
  async session(@OptionalUser() user: AuthUser | null): Promise<Session> {
    return { user: user ? await this.users.me(user.id) : null };
  }

  @SignedIn()
  @Get('me')
  me(@CurrentSession() session: RequestAuth): Promise<Me> {
    return this.users.me(session.user.id);
  }

  /** 204; 403 WRONG_PASSWORD (counted as a failed login, 429 past the limit); ends the user's other sessions. */
  @SignedIn()
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @ZodBody(PasswordChangeSchema) body: PasswordChange,
    @CurrentSession() session: RequestAuth,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.passwords.change(session, body, req.ip);
  }

  /**
   * 202 whether or not the address has an account (no account enumeration); 429 RATE_LIMITED
   * past REGISTER_RESET_MAX_PER_IP requests from one client address.
   */
  @Public()
  @Post('password-reset/request')
  @HttpCode(202)
  async requestPasswordReset(
    @ZodBody(PasswordResetRequestSchema) body: PasswordResetRequest,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.ipLimiter.count('reset-request', req.ip);
    await this.passwords.requestReset(body.email);
  }

  /** 204; 410 INVALID_TOKEN for an unknown, used or expired token. Ends every session of the user. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmPasswordReset(@ZodBody(PasswordResetConfirmSchema) body: PasswordResetConfirm): Promise<void> {
    await this.passwords.confirmReset(body);
  }
}
