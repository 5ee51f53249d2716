import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';

/**
 * Organizers' user administration. Apart from UsersModule because disabling ends sessions
 * (AuthModule), and AuthModule itself depends on UsersModule.
 */
@Module({ imports: [AuthModule], controllers: [UsersController], providers: [UserAdminService] })
export class UserAdminModule {}
