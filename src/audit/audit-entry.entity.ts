import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One security-relevant act: who (actor, may be null for a failed login), what (action and its
 * target), when, from which address. Never a password or a token.
 */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at', 'id'])
@Index('audit_log_action_at_idx', ['action', 'at', 'id'])
@Index('audit_log_actor_at_idx', ['actorId', 'at', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  /** No foreign key: the trail outlives the accounts it mentions. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. auth.login.succeeded, user.role.changed, application.decided, user.erased */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType: string | null;

  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  /** Client address as seen by the server. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  address: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
