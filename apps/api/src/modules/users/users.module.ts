import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { UsersService } from './users.service';

// LiveModule: promotion to organizer closes the sockets of the sessions it ends.
@Module({ imports: [LiveModule], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
