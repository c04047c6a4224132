import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { TimestampedEntity } from '../common/entities/timestamped.entity.js';
import { statusIn } from '../common/workflow.js';
import { IncomingMobility } from '../incoming/incoming-mobility.entity.js';
import { OutgoingMobility } from '../outgoing/outgoing-mobility.entity.js';
import { User } from '../users/user.entity.js';
import {
  LA_MOBILITY_KINDS,
  LA_PARTIES,
  type LaContent,
  type LaMobilityKind,
  type LaParty,
} from './learning-agreement-state.js';

/**
 * The learning agreement of one mobility: an outgoing one (the home institution sends) or an
 * incoming one (the home institution receives), named by `mobility_kind` and the matching column.
 * Its row is what every change locks; its content lives in its versions.
 */
@Entity('learning_agreements')
@Check('learning_agreements_kind_known', statusIn('mobility_kind', LA_MOBILITY_KINDS))
@Check(
  'learning_agreements_one_mobility',
  `(mobility_kind = 'outgoing' AND outgoing_mobility_id IS NOT NULL AND incoming_mobility_id IS NULL) OR (mobility_kind = 'incoming' AND incoming_mobility_id IS NOT NULL AND outgoing_mobility_id IS NULL)`,
)
export class LearningAgreement extends TimestampedEntity {
  @Column({ type: 'varchar', length: 10 })
  mobilityKind: LaMobilityKind;

  @Index('learning_agreements_outgoing_unique', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  outgoingMobilityId: string | null;

  @ManyToOne(() => OutgoingMobility, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outgoing_mobility_id', foreignKeyConstraintName: 'learning_agreements_outgoing_fk' })
  outgoingMobility?: Relation<OutgoingMobility>;

  @Index('learning_agreements_incoming_unique', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  incomingMobilityId: string | null;

  @ManyToOne(() => IncomingMobility, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incoming_mobility_id', foreignKeyConstraintName: 'learning_agreements_incoming_fk' })
  incomingMobility?: Relation<IncomingMobility>;
}

/**
 * One version of an agreement, numbered from 1. Append-only: a version with a signature or a
 * comment is never modified or deleted (a database trigger refuses it); only an unsigned draft
 * is rewritten in place.
 */
@Entity('learning_agreement_versions')
@Unique('learning_agreement_versions_number_unique', ['agreementId', 'number'])
@Check('learning_agreement_versions_number_positive', `number >= 1`)
@Check('learning_agreement_versions_hash_format', `content_hash ~ '^[0-9a-f]{64}$'`)
export class LearningAgreementVersion extends TimestampedEntity {
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => LearningAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'learning_agreement_versions_agreement_fk' })
  agreement?: Relation<LearningAgreement>;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  content: LaContent;

  /** SHA-256 (hex) of the canonical JSON of `content`. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Index('learning_agreement_versions_author_idx')
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'learning_agreement_versions_author_fk' })
  author?: Relation<User>;
}

/** A signature: who, as which side, when, and the hash of the content signed. Never changes. */
@Entity('learning_agreement_signatures')
@Unique('learning_agreement_signatures_once', ['versionId', 'party'])
@Check('learning_agreement_signatures_party_known', statusIn('party', LA_PARTIES))
@Check('learning_agreement_signatures_hash_format', `content_hash ~ '^[0-9a-f]{64}$'`)
@Check('learning_agreement_signatures_position', `party = 'student' OR position IS NOT NULL`)
export class LearningAgreementSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => LearningAgreementVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'learning_agreement_signatures_version_fk' })
  version?: Relation<LearningAgreementVersion>;

  @Column({ type: 'varchar', length: 10 })
  party: LaParty;

  @Index('learning_agreement_signatures_signer_idx')
  @Column({ type: 'uuid' })
  signerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signer_id', foreignKeyConstraintName: 'learning_agreement_signatures_signer_fk' })
  signer?: Relation<User>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'timestamptz', precision: 3 })
  signedAt: Date;

  @Column({ type: 'char', length: 64 })
  contentHash: string;
}

/** The receiving side's comment on a proposal: a rejection with its reason. Never changes. */
@Entity('learning_agreement_comments')
@Check('learning_agreement_comments_hash_format', `content_hash ~ '^[0-9a-f]{64}$'`)
export class LearningAgreementComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('learning_agreement_comments_version_unique', { unique: true })
  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => LearningAgreementVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'learning_agreement_comments_version_fk' })
  version?: Relation<LearningAgreementVersion>;

  @Index('learning_agreement_comments_author_idx')
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'learning_agreement_comments_author_fk' })
  author?: Relation<User>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz', precision: 3 })
  commentedAt: Date;

  @Column({ type: 'char', length: 64 })
  contentHash: string;
}

/** The receiving institution's result for one component of table A (by its code). */
@Entity('learning_agreement_results')
@Unique('learning_agreement_results_once', ['agreementId', 'componentCode'])
@Check('learning_agreement_results_ects', `ects_obtained >= 0`)
export class LearningAgreementResult extends TimestampedEntity {
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => LearningAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'learning_agreement_results_agreement_fk' })
  agreement?: Relation<LearningAgreement>;

  @Column({ type: 'varchar', length: 50 })
  componentCode: string;

  @Column({ type: 'varchar', length: 50 })
  grade: string;

  @Column({ type: 'numeric', precision: 4, scale: 1 })
  ectsObtained: string;

  @Index('learning_agreement_results_recorder_idx')
  @Column({ type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'learning_agreement_results_recorder_fk' })
  recordedBy?: Relation<User>;
}

/** The home coordinator's decision on one component of table B: recognised (grade) or not (reason). */
@Entity('learning_agreement_recognitions')
@Unique('learning_agreement_recognitions_once', ['agreementId', 'componentCode'])
@Check(
  'learning_agreement_recognitions_decided',
  `(recognised AND grade IS NOT NULL) OR (NOT recognised AND reason IS NOT NULL)`,
)
export class LearningAgreementRecognition extends TimestampedEntity {
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => LearningAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'agreement_id',
    foreignKeyConstraintName: 'learning_agreement_recognitions_agreement_fk',
  })
  agreement?: Relation<LearningAgreement>;

  @Column({ type: 'varchar', length: 50 })
  componentCode: string;

  @Column({ type: 'boolean' })
  recognised: boolean;

  @Column({ type: 'varchar', length: 50, nullable: true })
  grade: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Index('learning_agreement_recognitions_decider_idx')
  @Column({ type: 'uuid' })
  decidedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'decided_by_id',
    foreignKeyConstraintName: 'learning_agreement_recognitions_decider_fk',
  })
  decidedBy?: Relation<User>;
}

export const LEARNING_AGREEMENT_ENTITIES = [
  LearningAgreement,
  LearningAgreementVersion,
  LearningAgreementSignature,
  LearningAgreementComment,
  LearningAgreementResult,
  LearningAgreementRecognition,
];
