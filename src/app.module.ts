import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApplicationsModule } from './applications/applications.module.js';
import { ReviewPagesModule } from './applications/web/review-pages.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditLogPagesModule } from './audit/web/audit-log-pages.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthPagesModule } from './auth/web/auth-pages.module.js';
import { validateEnvironment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ApplicationPagesModule } from './applications/web/application-pages.module.js';
import { HomePagesModule } from './home/web/home-pages.module.js';
import { ProfilePagesModule } from './users/web/profile-pages.module.js';
import { InstitutionPagesModule } from './institutions/web/institution-pages.module.js';
import { NewsPagesModule } from './news/web/news-pages.module.js';
import { ProgrammePagesModule } from './programmes/web/programme-pages.module.js';
import { IncomingModule } from './incoming/incoming.module.js';
import { IncomingPagesModule } from './incoming/web/incoming-pages.module.js';
import { OutgoingPagesModule } from './outgoing/web/outgoing-pages.module.js';
import { PartnerPagesModule } from './partners/web/partner-pages.module.js';
import { LearningAgreementPagesModule } from './learning-agreements/web/learning-agreement-pages.module.js';
import { AgreementsModule } from './agreements/agreements.module.js';
import { AgreementPagesModule } from './agreements/web/agreement-pages.module.js';
import { InstitutionsModule } from './institutions/institutions.module.js';
import { InstitutionStaffPagesModule } from './institutions/web/institution-staff-pages.module.js';
import { NewsModule } from './news/news.module.js';
import { NewsEditorPagesModule } from './news/web/news-editor-pages.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { NotificationPagesModule } from './notifications/web/notifications-pages.module.js';
import { LearningAgreementsModule } from './learning-agreements/learning-agreements.module.js';
import { OutgoingModule } from './outgoing/outgoing.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { ProgrammesModule } from './programmes/programmes.module.js';
import { ProgrammeStaffPagesModule } from './programmes/web/programme-staff-pages.module.js';
import { ReferenceDataModule } from './reference-data/reference-data.module.js';
import { SelectionRoundsModule } from './selection-rounds/selection-rounds.module.js';
import { SelectionRoundPagesModule } from './selection-rounds/web/selection-round-pages.module.js';
import { StatsModule } from './stats/stats.module.js';
import { StatsPagesModule } from './stats/web/stats-pages.module.js';
import { UsersModule } from './users/users.module.js';
import { UsersAdminPagesModule } from './users/web/users-admin-pages.module.js';
import { WebModule } from './web/web.module.js';

/** Feature modules; the configuration comes from AppModule.forRoot. */
@Module({
  imports: [
    DatabaseModule,
    HealthModule,
    MetricsModule,
    AuditModule,
    AuthModule,
    UsersModule,
    InstitutionsModule,
    AgreementsModule,
    ProgrammesModule,
    ApplicationsModule,
    NewsModule,
    IncomingModule,
    OutgoingModule,
    LearningAgreementsModule,
    StatsModule,
    PrivacyModule,
    NotificationsModule,
    ReferenceDataModule,
    SelectionRoundsModule,
    WebModule,
    AuthPagesModule,
    HomePagesModule,
    NotificationPagesModule,
    IncomingPagesModule,
    OutgoingPagesModule,
    PartnerPagesModule,
    LearningAgreementPagesModule,
    ProgrammeStaffPagesModule,
    AgreementPagesModule,
    InstitutionStaffPagesModule,
    StatsPagesModule,
    ProgrammePagesModule,
    InstitutionPagesModule,
    NewsPagesModule,
    ApplicationPagesModule,
    ProfilePagesModule,
    NewsEditorPagesModule,
    UsersAdminPagesModule,
    AuditLogPagesModule,
    ReviewPagesModule,
    SelectionRoundPagesModule,
  ],
})
export class AppModule {
  /**
   * The whole portal, configured from the environment. `overrides` replace environment variables
   * (tests use them to boot an app with, say, a tight rate limit).
   */
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // main.ts loads .env itself (before the embedded database starts); here only validation.
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: true,
          validate: (raw) => validateEnvironment({ ...raw, ...overrides }),
        }),
      ],
    };
  }
}
