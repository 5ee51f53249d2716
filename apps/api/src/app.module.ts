import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { migrateWithLock } from './database/migrate';
import { APP_CONFIG, type AppConfig } from './config/env';
import { dataSourceOptions } from './database/data-source';
import { RedisModule } from './common/redis/redis.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { EditionsModule } from './modules/editions/editions.module';
import { EditionPhaseModule } from './modules/editions/phase.module';
import { RegistrationsModule } from './modules/registrations/registrations.module';
import { TeamsModule } from './modules/teams/teams.module';
import { SubmissionsModule } from './modules/submissions/submissions.module';
import { JudgingModule } from './modules/judging/judging.module';
import { RankingModule } from './modules/ranking/ranking.module';
import { UsersModule } from './modules/users/users.module';
import { UserAdminModule } from './modules/users/user-admin.module';
import { MailModule } from './modules/mail/mail.module';
import { JuryModule } from './modules/jury/jury.module';
import { HealthModule } from './modules/health/health.module';
import { LiveModule } from './modules/live/live.module';
import { AnnouncementsModule } from './modules/announcements/announcements.module';
import { AwardsModule } from './modules/awards/awards.module';
import { RevealModule } from './modules/reveal/reveal.module';
import { LiveFeedsModule } from './modules/live/live-feeds.module';
import { SeedModule } from './modules/seed/seed.module';
import { ExportsModule } from './modules/exports/exports.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { PrivacyModule } from './modules/privacy/privacy.module';

export type ResolvedConfig = AppConfig & { databaseUrl: string };

@Global()
@Module({})
class ConfigModule {
  static register(config: ResolvedConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  /** The whole application for one resolved configuration (tests build one per database). */
  static register(config: ResolvedConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.databaseUrl, {
              connectTimeoutMs: config.dbConnectTimeoutMs,
              queryTimeoutMs: config.dbQueryTimeoutMs,
            }),
            retryAttempts: 0,
          }),
          dataSourceFactory: async (options) => {
            // Migrations (and the wait for another instance's) may take longer than a request's
            // query timeout: they run first on connections of their own (the lock's and the
            // migrations'), without it.
            const migrator = await new DataSource(
              dataSourceOptions(config.databaseUrl, {
                connectTimeoutMs: config.dbConnectTimeoutMs,
                poolSize: 2,
              }),
            ).initialize();
            try {
              await migrateWithLock(migrator);
            } finally {
              await migrator.destroy();
            }
            return new DataSource(options!).initialize();
          },
        }),
        RedisModule,
        HealthModule,
        AuditModule,
        UsersModule,
        AuthModule,
        UserAdminModule,
        MailModule,
        JuryModule,
        EditionsModule,
        EditionPhaseModule,
        RegistrationsModule,
        TeamsModule,
        SubmissionsModule,
        JudgingModule,
        RankingModule,
        LiveModule,
        AnnouncementsModule,
        AwardsModule,
        RevealModule,
        LiveFeedsModule,
        ExportsModule,
        DashboardModule,
        PrivacyModule,
        SeedModule,
      ],
    };
  }
}
