import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LiveModule } from '../live/live.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { IpLimiter } from './ip-limiter';
import { LoginLimiter } from './login-limiter';
import { PasswordsService } from './passwords.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule, LiveModule, MailModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    LoginLimiter,
    IpLimiter,
    PasswordsService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService, AuthService, LoginLimiter],
})
export class AuthModule {}
