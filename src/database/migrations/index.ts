import { CreateUsers1795803342268 } from './1795803342268-CreateUsers.js';
import { CreateCatalogue1795803662524 } from './1795803662524-CreateCatalogue.js';
import { CreateReferenceDataSteps1795803800000 } from './1795803800000-CreateReferenceDataSteps.js';
import { CreateIncomingMobilities1795803968185 } from './1795803968185-CreateIncomingMobilities.js';
import { CreateNews1795804026839 } from './1795804026839-CreateNews.js';
import { CatalogueListOrders1795804048789 } from './1795804048789-CatalogueListOrders.js';
import { CreateApplications1795804080643 } from './1795804080643-CreateApplications.js';
import { CreateAuditLog1795804200000 } from './1795804200000-CreateAuditLog.js';
import { AddUserErasedAt1795805400000 } from './1795805400000-AddUserErasedAt.js';
import { CreateLoginAttempts1796000468261 } from './1796000468261-CreateLoginAttempts.js';
import { AddUserEmailSkeleton1796000468262 } from './1796000468262-AddUserEmailSkeleton.js';
import { OneWorkflowEventShape1796004817263 } from './1796004817263-OneWorkflowEventShape.js';
import { LanguageSkillStatus1796041873215 } from './1796041873215-LanguageSkillStatus.js';
import { CreateNotifications1796138204717 } from './1796138204717-CreateNotifications.js';
import { CreateSelectionRounds1796300000000 } from './1796300000000-CreateSelectionRounds.js';
import { CreateRateLimitCounters1796310000000 } from './1796310000000-CreateRateLimitCounters.js';
import { OutgoingMobilities1796320000000 } from './1796320000000-OutgoingMobilities.js';
import { PartnerAccounts1796320000001 } from './1796320000001-PartnerAccounts.js';
import { RoundResultsByRank1796330000500 } from './1796330000500-RoundResultsByRank.js';
import { LearningAgreements1796332247959 } from './1796332247959-LearningAgreements.js';
import { LearningAgreementSignaturesErasure1796340000000 } from './1796340000000-LearningAgreementSignaturesErasure.js';

/** Every migration, in order. Generate new ones with `npm run migration:generate` and add them here. */
export const MIGRATIONS = [
  CreateUsers1795803342268,
  CreateCatalogue1795803662524,
  CreateReferenceDataSteps1795803800000,
  CreateIncomingMobilities1795803968185,
  CreateNews1795804026839,
  CatalogueListOrders1795804048789,
  CreateApplications1795804080643,
  CreateAuditLog1795804200000,
  AddUserErasedAt1795805400000,
  CreateLoginAttempts1796000468261,
  AddUserEmailSkeleton1796000468262,
  OneWorkflowEventShape1796004817263,
  LanguageSkillStatus1796041873215,
  CreateNotifications1796138204717,
  CreateSelectionRounds1796300000000,
  CreateRateLimitCounters1796310000000,
  OutgoingMobilities1796320000000,
  PartnerAccounts1796320000001,
  RoundResultsByRank1796330000500,
  LearningAgreements1796332247959,
  LearningAgreementSignaturesErasure1796340000000,
];
