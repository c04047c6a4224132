/**
 * Every entity of the portal, listed once for both the application and the TypeORM CLI.
 * (Explicit imports rather than globs: they work the same under Nest, the CLI and Jest.)
 */
import { Agreement } from '../agreements/agreement.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { ApplicationChoice } from '../applications/application-choice.entity.js';
import { ApplicationEvent } from '../applications/application-event.entity.js';
import { Application } from '../applications/application.entity.js';
import { IncomingEvent } from '../incoming/incoming-event.entity.js';
import { IncomingMobility } from '../incoming/incoming-mobility.entity.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { NewsArticleInstitution } from '../news/news-article-institution.entity.js';
import { NewsArticle } from '../news/news-article.entity.js';
import { NotificationSettings } from '../notifications/notification-settings.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import {
  LearningAgreement,
  LearningAgreementComment,
  LearningAgreementRecognition,
  LearningAgreementResult,
  LearningAgreementSignature,
  LearningAgreementVersion,
} from '../learning-agreements/learning-agreement.entities.js';
import { OutgoingEvent } from '../outgoing/outgoing-event.entity.js';
import { OutgoingMobility } from '../outgoing/outgoing-mobility.entity.js';
import { Programme } from '../programmes/programme.entity.js';
import { ApplicationAssessment } from '../selection-rounds/application-assessment.entity.js';
import { SelectionRoundResult } from '../selection-rounds/selection-round-result.entity.js';
import { SelectionRound } from '../selection-rounds/selection-round.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [
  User,
  Institution,
  Faculty,
  Agreement,
  Programme,
  IncomingMobility,
  IncomingEvent,
  NewsArticle,
  NewsArticleInstitution,
  Application,
  ApplicationChoice,
  ApplicationEvent,
  AuditEntry,
  Notification,
  NotificationSettings,
  OutgoingMobility,
  OutgoingEvent,
  ApplicationAssessment,
  SelectionRound,
  SelectionRoundResult,
  LearningAgreement,
  LearningAgreementVersion,
  LearningAgreementSignature,
  LearningAgreementComment,
  LearningAgreementResult,
  LearningAgreementRecognition,
];
